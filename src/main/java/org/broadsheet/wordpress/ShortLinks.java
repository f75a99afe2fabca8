package org.broadsheet.wordpress;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * WordPress's short links, {@code /?p=ID} and {@code /?page_id=ID}: the front page with a
 * query, so they never reach the not-found path. A request for {@code /} with such a
 * parameter naming an imported article gets a 301 to it; every other request costs one
 * string comparison.
 */
@Component
class ShortLinks extends OncePerRequestFilter {

    private final OldAddresses addresses;

    ShortLinks(OldAddresses addresses) {
        this.addresses = addresses;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if ("/".equals(request.getRequestURI()) && request.getQueryString() != null) {
            Optional<String> to = moved(request);
            if (to.isPresent()) {
                response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
                response.setHeader("Location", to.get());
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private Optional<String> moved(HttpServletRequest request) {
        String id = request.getParameter("p") != null ? request.getParameter("p") : request.getParameter("page_id");
        if (id == null
                || !id.matches("[0-9]{1,18}")
                || !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            return Optional.empty();
        }
        return addresses.article("/?p=" + id);
    }
}
