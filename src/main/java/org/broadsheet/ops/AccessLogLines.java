package org.broadsheet.ops;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.broadsheet.web.NewsroomUrls;
import org.jspecify.annotations.Nullable;

/**
 * What the access log prints for the request line and the referrer, with secrets masked: the
 * token of a one-time link ({@code /newsroom/setup/…}, {@code /newsroom/password/…}) and the
 * value of any query parameter whose name says it holds one (token, key, password, secret,
 * signature, code, email, session, csrf). Tomcat's access log valve reads them as request
 * attributes ({@code %{org.broadsheet.ops.line}r}), in place of its own {@code %r} and
 * {@code Referer}, so the combined log format is kept and no secret reaches the file. Only
 * registered when the access log is on. Thread-safe (stateless).
 */
final class AccessLogLines implements Filter {

    static final String LINE = "org.broadsheet.ops.line";
    static final String REFERER = "org.broadsheet.ops.referer";
    static final String MASK = "***";

    private static final List<String> ONE_TIME_LINKS = List.of(NewsroomUrls.SETUP + "/", NewsroomUrls.PASSWORD + "/");
    private static final List<String> SECRET_NAMES =
            List.of("token", "key", "pass", "secret", "sig", "code", "email", "session", "csrf", "auth");

    @Override
    public void doFilter(ServletRequest req, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        String query = request.getQueryString();
        request.setAttribute(
                LINE, request.getMethod() + " " + masked(request.getRequestURI(), query) + " " + request.getProtocol());
        String referer = request.getHeader("Referer");
        request.setAttribute(REFERER, referer == null ? "-" : maskedAddress(referer));
        chain.doFilter(request, response);
    }

    /** An address (path and query, or a whole URL) with its secrets masked. */
    static String maskedAddress(String address) {
        int q = address.indexOf('?');
        return q < 0 ? masked(address, null) : masked(address.substring(0, q), address.substring(q + 1));
    }

    static String masked(String path, @Nullable String query) {
        StringBuilder line = new StringBuilder(path.length() + 16);
        line.append(maskedPath(path));
        if (query != null) {
            line.append('?');
            String[] pairs = query.split("&", -1);
            for (int i = 0; i < pairs.length; i++) {
                line.append(i == 0 ? "" : "&").append(maskedPair(pairs[i]));
            }
        }
        return line.toString();
    }

    private static String maskedPath(String path) {
        for (String link : ONE_TIME_LINKS) {
            int at = path.indexOf(link);
            if (at >= 0 && path.length() > at + link.length()) {
                return path.substring(0, at + link.length()) + MASK;
            }
        }
        return path;
    }

    private static String maskedPair(String pair) {
        int eq = pair.indexOf('=');
        if (eq < 0) {
            return pair;
        }
        String name = pair.substring(0, eq).toLowerCase(Locale.ROOT);
        for (String secret : SECRET_NAMES) {
            if (name.contains(secret)) {
                return pair.substring(0, eq + 1) + MASK;
            }
        }
        return pair;
    }
}
