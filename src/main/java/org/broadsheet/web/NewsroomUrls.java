package org.broadsheet.web;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The one owner of the newsroom's URL shapes, beside {@link SiteUrls} for the reader site.
 * Controllers map their handlers to these constants and templates ask for the addresses
 * they link to; nobody writes a newsroom path by hand elsewhere.
 */
public final class NewsroomUrls {

    public static final String HOME = "/newsroom";
    public static final String SIGN_IN = HOME + "/sign-in";
    /** Where a refused sign-in is answered: the sign-in form again, saying why. */
    public static final String SIGN_IN_REFUSED = SIGN_IN + "/refused";
    /** The sign-in page telling someone their new password is set. */
    public static final String SIGN_IN_PASSWORD_SET = SIGN_IN + "?password-set";
    /** The sign-in page telling someone they have signed out. */
    public static final String SIGN_IN_SIGNED_OUT = SIGN_IN + "?signed-out";
    /** The sign-in page telling someone their session has ended (disabled, or signed out elsewhere). */
    public static final String SIGN_IN_ENDED = SIGN_IN + "?ended";

    /** "Forgot your password?": the form that mails a one-time link to choose a new one. */
    public static final String FORGOT = SIGN_IN + "/forgot";
    /** The same page after a request, saying a link is on its way if the address is known. */
    public static final String FORGOT_SENT = FORGOT + "?sent";

    public static final String SIGN_OUT = HOME + "/sign-out";
    public static final String SETUP = HOME + "/setup";
    public static final String PASSWORD = HOME + "/password";
    public static final String ACCOUNT = HOME + "/account";
    public static final String ACCOUNT_PASSWORD = ACCOUNT + "/password";
    public static final String ACCOUNT_TOKENS = ACCOUNT + "/tokens";

    /** Where one of your API tokens is revoked (POST). */
    public static String revokeToken(long id) {
        return ACCOUNT_TOKENS + "/" + id + "/revoke";
    }

    public static final String ARTICLES = HOME + "/articles";
    public static final String NEW_ARTICLE = ARTICLES + "/new";
    public static final String MEDIA = HOME + "/media";
    public static final String MEDIA_PICKER = MEDIA + "/picker";
    public static final String COMMENTS = HOME + "/comments";
    public static final String USERS = HOME + "/users";
    public static final String SETTINGS = HOME + "/settings";
    public static final String SETTINGS_SITE = SETTINGS + "/site";
    public static final String SETTINGS_COMMENTS = SETTINGS + "/comments";
    public static final String WORDPRESS_IMPORT = SETTINGS + "/wordpress-import";
    /** After a user's address: the action that makes them a new one-time password link. */
    public static final String PASSWORD_LINK = "/password-link";
    /** A numeric id in a mapped path: at most 18 digits, so it always fits a {@code long}. */
    public static final String ID = "{id:[0-9]{1,18}}";

    private NewsroomUrls() {}

    /** Page {@code page} of a list at {@code path} (which may carry a query), searched for {@code q} (null for none). */
    public static String search(String path, String q, int page) {
        UriComponentsBuilder url = UriComponentsBuilder.fromUriString(path);
        if (q != null) {
            url.queryParam("q", q);
        }
        if (page > 1) {
            url.queryParam("page", page);
        }
        return url.encode().build().toUriString();
    }

    public static String article(long id) {
        return ARTICLES + "/" + id;
    }

    public static String articleRevisions(long id) {
        return article(id) + "/revisions";
    }

    /** The media picker, for article {@code articleId} (null: an article not saved yet). */
    public static String mediaPicker(Long articleId) {
        return articleId == null ? MEDIA_PICKER : MEDIA_PICKER + "?article=" + articleId;
    }

    public static String media(long id) {
        return MEDIA + "/" + id;
    }

    public static String comment(long id) {
        return COMMENTS + "/" + id;
    }

    public static String user(long id) {
        return USERS + "/" + id;
    }

    public static String userPasswordLink(long id) {
        return user(id) + PASSWORD_LINK;
    }

    /** The page of a one-time set-up link, which creates the first administrator. */
    public static String setup(String token) {
        return SETUP + "/" + token;
    }

    /** The page of a one-time link with which a staff member chooses their password. */
    public static String password(String token) {
        return PASSWORD + "/" + token;
    }

    /** The list of a taxonomy's terms, by its plural ({@code sections}, {@code tags}, {@code authors}). */
    public static String terms(String plural) {
        return HOME + "/" + plural;
    }

    public static String term(String plural, long id) {
        return terms(plural) + "/" + id;
    }

    public static String wordpressImport(String id) {
        return WORDPRESS_IMPORT + "/" + id;
    }
}
