package org.broadsheet.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.apache.tomcat.util.http.fileupload.impl.SizeException;
import org.broadsheet.web.SecurityHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads an API request's parameters before anything else does, so that a query the server
 * cannot decode (bytes that are not UTF-8, a malformed escape) is refused with a 400 problem
 * rather than reaching the reader site's HTML error page, and an upload over the size limit
 * (which Tomcat finds while reading the parts) with a 413. It runs before Spring Security's chains,
 * so it writes the security headers itself.
 */
class ApiRequestGuard extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            request.getParameterMap();
        } catch (RuntimeException e) { // Tomcat's InvalidParameterException, an IllegalStateException
            SecurityHeaders.apply(request, response);
            if (tooLarge(e)) {
                ProblemJson.write(
                        response,
                        HttpStatus.CONTENT_TOO_LARGE,
                        "What was sent is larger than the API accepts",
                        request.getRequestURI(),
                        List.of());
                return;
            }
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

    /** Tomcat's multipart size limits ({@code SizeException}: the file's or the whole request's). */
    private static boolean tooLarge(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SizeException) {
                return true;
            }
        }
        return false;
    }
}
