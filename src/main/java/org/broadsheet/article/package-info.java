/**
 * Articles: their rules, slugs and redirects, body rendering, story references, the article
 * page, and the pages that list articles (archive, section, tag and author pages).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"section", "author", "tag", "web"})
package org.broadsheet.article;
