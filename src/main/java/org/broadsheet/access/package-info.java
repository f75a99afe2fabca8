/**
 * Who may do what with what: the article role matrix ({@link org.broadsheet.access.ArticleAccess}),
 * one source of truth for the newsroom's editor and the API's article writes. It joins
 * {@code account} (staff and their permissions) and {@code article} (status and owner), which may
 * not use each other.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"account", "article"})
package org.broadsheet.access;
