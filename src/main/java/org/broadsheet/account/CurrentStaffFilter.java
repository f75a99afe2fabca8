package org.broadsheet.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import org.broadsheet.web.NewsroomUrls;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads the signed-in staff member afresh on every newsroom request and offers them to
 * handlers as a {@link Staff} (see {@link StaffArgumentResolver}). A session whose account
 * has since been disabled, deleted or given a new password is ended here, and the person is
 * sent back to sign in.
 */
class CurrentStaffFilter extends OncePerRequestFilter {

    static final String ATTRIBUTE = Staff.class.getName();

    private final AccountService accounts;

    CurrentStaffFilter(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof StaffUserDetails principal) {
            Optional<Staff> staff =
                    accounts.staffForSession(principal.id(), Instant.ofEpochMilli(principal.passwordChangedAtMillis()));
            if (staff.isEmpty()) {
                SecurityContextHolder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                response.sendRedirect(NewsroomUrls.SIGN_IN_ENDED);
                return;
            }
            request.setAttribute(ATTRIBUTE, staff.get());
        }
        chain.doFilter(request, response);
    }
}
