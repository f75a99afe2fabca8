package org.broadsheet.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads an API request's parameters before anything else does, so that a query the server
 * cannot decode (bytes that are not UTF-8, a malformed escape) is refused with a 400 problem
 * rather than reaching the reader site's HTML error page.
 */
class ApiRequestGuard extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            request.getParameterMap();
        } catch (RuntimeException e) { // Tomcat's InvalidParameterException, an IllegalStateException
            ProblemJson.write(
                    response,
                    HttpStatus.BAD_REQUEST,
                    "The query could not be read: use UTF-8 and percent-encoding",
                    request.getRequestURI(),
                    List.of());
            return;
        }
        chain.doFilter(request, response);
    }
}
