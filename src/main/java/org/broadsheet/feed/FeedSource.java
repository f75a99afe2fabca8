package org.broadsheet.feed;

/**
 * What a feed lists: the site's stories, a section's, a tag's or an author's (by the slug in
 * its address), the site's newest comments, or one article's.
 *
 * @param key the slug of the section, tag or author, the article's id, or empty
 */
record FeedSource(Kind kind, String key) {

    enum Kind {
        SITE,
        SECTION,
        TAG,
        AUTHOR,
        COMMENTS,
        ARTICLE_COMMENTS;

        /** Whether it lists comments (and so changes with them) rather than stories. */
        boolean ofComments() {
            return this == COMMENTS || this == ARTICLE_COMMENTS;
        }
    }

    static final FeedSource SITE = new FeedSource(Kind.SITE, "");
    static final FeedSource COMMENTS = new FeedSource(Kind.COMMENTS, "");

    static FeedSource articleComments(long articleId) {
        return new FeedSource(Kind.ARTICLE_COMMENTS, Long.toString(articleId));
    }
}
