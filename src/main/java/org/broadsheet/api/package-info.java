/**
 * The JSON REST API under {@code /api/v1}: public, read-only views of stories, sections, tags,
 * authors, approved comments and search, with cursor pagination, ETags and RFC 9457 problems;
 * and, with a staff member's API token, writes through the newsroom's own services (articles,
 * their workflow and notes, checked with {@code access.ArticleAccess}; images; moderation).
 * It may use every service and nothing depends on it.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"access", "account", "article", "taxonomy", "comment", "media", "search", "web"})
package org.broadsheet.api;
