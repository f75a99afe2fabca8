package org.broadsheet.pagecache;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;

/**
 * The request as the application sees it when the page cache renders a page to keep: a GET
 * (a HEAD gets the whole page rendered too), without the headers that would make it answer
 * in another form (compressed, a 304, a range), since the kept page is sent in every form.
 */
final class RenderRequest extends HttpServletRequestWrapper {

    private static final Set<String> HIDDEN = Set.of(
            HttpHeaders.ACCEPT_ENCODING.toLowerCase(Locale.ROOT),
            HttpHeaders.IF_NONE_MATCH.toLowerCase(Locale.ROOT),
            HttpHeaders.IF_MODIFIED_SINCE.toLowerCase(Locale.ROOT),
            HttpHeaders.IF_MATCH.toLowerCase(Locale.ROOT),
            HttpHeaders.IF_UNMODIFIED_SINCE.toLowerCase(Locale.ROOT),
            HttpHeaders.IF_RANGE.toLowerCase(Locale.ROOT),
            HttpHeaders.RANGE.toLowerCase(Locale.ROOT));

    RenderRequest(HttpServletRequest request) {
        super(request);
    }

    private static boolean hidden(String name) {
        return HIDDEN.contains(name.toLowerCase(Locale.ROOT));
    }

    @Override
    public String getMethod() {
        return "GET";
    }

    @Override
    public @Nullable String getHeader(String name) {
        return hidden(name) ? null : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        return hidden(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
    }

    @Override
    public long getDateHeader(String name) {
        return hidden(name) ? -1 : super.getDateHeader(name);
    }

    @Override
    public Enumeration<String> getHeaderNames() {
        return Collections.enumeration(Collections.list(super.getHeaderNames()).stream()
                .filter(name -> !hidden(name))
                .toList());
    }
}
