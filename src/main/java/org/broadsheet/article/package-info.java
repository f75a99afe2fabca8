/**
 * Articles: their rules, slugs and redirects, body rendering, story references, what readers
 * may read of them ({@code ArticleReader}, for the article page and the lists of {@code listing}),
 * and the article page. Lead images may come from the media library, which offers their
 * renditions.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"taxonomy", "media", "web", "platform"})
package org.broadsheet.article;
