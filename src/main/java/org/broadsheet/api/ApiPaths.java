package org.broadsheet.api;

/** The API's paths, in one place: the controllers map them and the JSON links to them. */
final class ApiPaths {

    static final String ROOT = "/api/v1";
    static final String ARTICLES = ROOT + "/articles";
    static final String ARTICLE = ARTICLES + "/{id}";
    static final String ARTICLE_BY_SLUG = ARTICLES + "/by-slug/{slug}";
    static final String ARTICLE_COMMENTS = ARTICLE + "/comments";
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
}
