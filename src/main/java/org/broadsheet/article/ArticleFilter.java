package org.broadsheet.article;

/**
 * What the newsroom's article list is narrowed to; a null (or blank) part does not narrow it.
 *
 * @param section   a section's slug
 * @param author    a byline author's slug
 * @param text      words to find in the headline, standfirst or slug
 * @param createdBy only articles this staff member created
 */
public record ArticleFilter(ArticleStatus status, String section, String author, String text, Long createdBy) {

    public static ArticleFilter none() {
        return new ArticleFilter(null, null, null, null, null);
    }
}
