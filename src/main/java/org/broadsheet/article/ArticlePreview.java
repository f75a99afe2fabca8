package org.broadsheet.article;

import java.util.List;

/**
 * An article's text as readers would see it, rendered by the site's own renderer, before it
 * is saved. Story references show their public targets, as on the article page.
 *
 * @param warnings references that name no article or an unpublished one
 */
public record ArticlePreview(
        String headline, String standfirst, List<ArticleView.BodyPart> body, List<String> warnings) {}
