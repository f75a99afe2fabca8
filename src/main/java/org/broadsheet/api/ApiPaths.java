package org.broadsheet.api;

/** The API's paths, in one place: the controllers map them and the JSON links to them. */
final class ApiPaths {

    static final String ROOT = "/api/v1";
    static final String ARTICLES = ROOT + "/articles";
    static final String ARTICLE = ARTICLES + "/{id}";
    static final String ARTICLE_BY_SLUG = ARTICLES + "/by-slug/{slug}";
    static final String ARTICLE_COMMENTS = ARTICLE + "/comments";
    static final String ARTICLE_SOURCE = ARTICLE + "/source";
    static final String ARTICLE_SUBMIT = ARTICLE + "/submit";
    static final String ARTICLE_PUBLISH = ARTICLE + "/publish";
    static final String ARTICLE_SCHEDULE = ARTICLE + "/schedule";
    static final String ARTICLE_UNPUBLISH = ARTICLE + "/unpublish";
    static final String ARTICLE_NOTES = ARTICLE + "/notes";
    static final String SECTIONS = ROOT + "/sections";
    static final String TAGS = ROOT + "/tags";
    static final String AUTHORS = ROOT + "/authors";
    static final String SEARCH = ROOT + "/search";
    static final String ME = ROOT + "/me";
    static final String MEDIA = ROOT + "/media";
    static final String COMMENT_MODERATION = ROOT + "/comments/{id}/{action}";

    private ApiPaths() {}

    static String articleComments(long id) {
        return ARTICLES + "/" + id + "/comments";
    }

    /** Where staff read an article as its editors hold it (any status), with its version. */
    static String articleSource(long id) {
        return ARTICLES + "/" + id + "/source";
    }

    /** An article id as a path gives it: anything but a positive number names no article (404). */
    static long articleId(String id) {
        try {
            long parsed = Long.parseLong(id);
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // falls through to the 404
        }
        throw ApiException.notFound("No article has the id " + id);
    }
}
