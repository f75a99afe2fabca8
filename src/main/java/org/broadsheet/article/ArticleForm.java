package org.broadsheet.article;

import java.util.List;

/**
 * What an article is written from: the newsroom's form, the importer, the API and the demo
 * loader all fill one in. Sections, authors and tags are named by slug.
 *
 * @param slug     the URL name; when blank, one is made from the headline
 * @param body     Markdown, with story references on lines of their own:
 *                 {@code [[related: slug-or-id]]} and {@code [[read-more: slug-or-id]]}
 * @param authors  byline order
 * @param image    the lead image, or null
 */
public record ArticleForm(
        String slug,
        String headline,
        String standfirst,
        String body,
        String section,
        List<String> authors,
        List<String> tags,
        LeadImage image) {

    public ArticleForm {
        authors = authors == null ? List.of() : List.copyOf(authors);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
