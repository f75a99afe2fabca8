/**
 * Articles: their rules, slugs and redirects, body rendering, story references, the article
 * page, and the pages that list articles (archive, section, tag and author pages). Lead images
 * may come from the media library, which offers their renditions.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"section", "author", "tag", "media", "web", "platform"})
package org.broadsheet.article;
