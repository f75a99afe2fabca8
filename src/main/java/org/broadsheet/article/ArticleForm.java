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

    public static final int HEADLINE_MAX = 200;
    public static final int STANDFIRST_MAX = 500;
    public static final int BODY_MAX = 200_000;
    public static final int MAX_AUTHORS = 10;
    public static final int MAX_TAGS = 20;

    public ArticleForm {
        authors = authors == null ? List.of() : List.copyOf(authors);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public ArticleForm withSlug(String newSlug) {
        return new ArticleForm(newSlug, headline, standfirst, body, section, authors, tags, image);
    }

    public ArticleForm withHeadline(String newHeadline) {
        return new ArticleForm(slug, newHeadline, standfirst, body, section, authors, tags, image);
    }

    public ArticleForm withStandfirst(String newStandfirst) {
        return new ArticleForm(slug, headline, newStandfirst, body, section, authors, tags, image);
    }

    public ArticleForm withBody(String newBody) {
        return new ArticleForm(slug, headline, standfirst, newBody, section, authors, tags, image);
    }

    public ArticleForm withSection(String newSection) {
        return new ArticleForm(slug, headline, standfirst, body, newSection, authors, tags, image);
    }

    public ArticleForm withAuthors(List<String> newAuthors) {
        return new ArticleForm(slug, headline, standfirst, body, section, newAuthors, tags, image);
    }

    public ArticleForm withTags(List<String> newTags) {
        return new ArticleForm(slug, headline, standfirst, body, section, authors, newTags, image);
    }

    public ArticleForm withImage(LeadImage newImage) {
        return new ArticleForm(slug, headline, standfirst, body, section, authors, tags, newImage);
    }
}
