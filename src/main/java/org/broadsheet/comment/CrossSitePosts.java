package org.broadsheet.comment;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;

/**
 * Whether a form post came from a page of another site, as the browser tells it: by
 * {@code Sec-Fetch-Site} (sent by every current browser; only {@code same-origin} and
 * {@code none}, a person's own action, pass), else by {@code Origin} (which must be the site's
 * own address, or the address the request came to). A post with neither header does not come
 * from a browser that could lend a reader's visit to another site, so it is let through to the
 * other checks (the signed form token, the honeypot, flood and duplicate checks), as Go's
 * {@code http.CrossOriginProtection} does.
 */
final class CrossSitePosts {

    private CrossSitePosts() {}

    static boolean isCrossSite(HttpServletRequest request, String siteOrigin) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null) {
            String value = fetchSite.strip().toLowerCase(Locale.ROOT);
            return !(value.equals("same-origin") || value.equals("none"));
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return false;
        }
        String own = origin.strip();
        return !(own.equalsIgnoreCase(siteOrigin) || own.equalsIgnoreCase(requestOrigin(request)));
    }

    private static String requestOrigin(HttpServletRequest request) {
        String scheme = request.getScheme();
        int port = request.getServerPort();
        boolean usual = port <= 0 || port == 80 && scheme.equals("http") || port == 443 && scheme.equals("https");
        return scheme + "://" + request.getServerName() + (usual ? "" : ":" + port);
    }
}
