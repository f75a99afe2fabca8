package org.broadsheet.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The last filter before the dispatcher: hands it a request whose method is read once. To find
 * the controller of an address with variables in it (an article's), Spring MVC tries each of
 * the site's request mappings in turn, and each try asks the request for its method, through
 * every wrapper the filters before put around it: that was about a sixth of the processor time
 * of an article page with every cache off (docs/performance.md). Nothing after the filters
 * changes a request's method.
 */
final class MethodOnce extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new Request(request), response);
    }

    /** The request, its method read when the filters were done with it. */
    private static final class Request extends HttpServletRequestWrapper {

        private final String method;

        Request(HttpServletRequest request) {
            super(request);
            this.method = request.getMethod();
        }

        @Override
        public String getMethod() {
            return method;
        }
    }
}
