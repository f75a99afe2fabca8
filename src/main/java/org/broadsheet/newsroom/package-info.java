/**
 * The newsroom: every staff page (dashboard, articles and the editor, media library, comment
 * moderation, sections, tags, authors, users, settings) and the sign-in pages. It may use
 * every other package; nothing depends on it.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "access",
            "account",
            "article",
            "comment",
            "taxonomy",
            "media",
            "site",
            "wordpress",
            "mail",
            "web"
        })
package org.broadsheet.newsroom;
