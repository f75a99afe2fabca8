package org.broadsheet.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.broadsheet.web.FormInput;
import org.broadsheet.web.NewsroomUrls;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The sign-in form, refused with 400 when its parameters could not be decoded or carry control
 * characters, as every other newsroom form is ({@code newsroom.NewsroomInputGuard}). The sign-in
 * is answered by Spring Security's filter before any handler runs, where that guard looks, and an
 * email with a NUL in it reached the sign-in throttle's query: PostgreSQL refuses such text, a 500.
 */
final class SignInInputGuard extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !("POST".equals(request.getMethod()) && NewsroomUrls.SIGN_IN.equals(path));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!FormInput.isClean(request)) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        chain.doFilter(request, response);
    }
}
