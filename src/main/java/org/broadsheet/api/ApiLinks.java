package org.broadsheet.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.broadsheet.web.SiteUrls;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/** The links between pages of a list: an absolute URL, also sent as an RFC 8288 {@code Link} header. */
@Component
record ApiLinks(SiteUrls urls) {

    /** The request's own URL with {@code parameter} set to {@code value}, announced as {@code rel="next"}. */
    String next(HttpServletRequest request, HttpServletResponse response, String parameter, String value) {
        String query = request.getQueryString();
        String here = urls.absolute(request.getRequestURI() + (query == null ? "" : "?" + query));
        String next = UriComponentsBuilder.fromUriString(here)
                .replaceQueryParam(parameter, value)
                .build()
                .toUriString();
        response.addHeader(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
        return next;
    }
}
