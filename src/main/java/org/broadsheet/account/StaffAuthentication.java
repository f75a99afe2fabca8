package org.broadsheet.account;

import java.time.Instant;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks an email and password against the staff table, behind the sign-in throttle: a
 * locked account or address is refused before its password is even looked at, and every
 * attempt that is looked at is recorded.
 */
class StaffAuthentication implements AuthenticationProvider {

    private final SignInThrottle throttle;
    private final DaoAuthenticationProvider passwords;

    StaffAuthentication(StaffRepository repository, PasswordEncoder encoder, SignInThrottle throttle) {
        this.throttle = throttle;
        UserDetailsService users = email -> repository
                .findByEmail(email)
                .map(c -> (UserDetails) new StaffUserDetails(
                        c.account().id(),
                        c.account().email(),
                        c.passwordHash(),
                        c.account().enabled(),
                        c.account().role(),
                        c.passwordChangedAt().toEpochMilli()))
                .orElseThrow(() -> new UsernameNotFoundException("No staff member with that email"));
        this.passwords = new DaoAuthenticationProvider(users) {
            @Override
            protected Authentication createSuccessAuthentication(
                    Object principal, Authentication authentication, UserDetails user) {
                StaffUserDetails staff = ((StaffUserDetails) user).withoutPassword();
                UsernamePasswordAuthenticationToken result =
                        UsernamePasswordAuthenticationToken.authenticated(staff, null, staff.getAuthorities());
                result.setDetails(authentication.getDetails());
                return result;
            }
        };
        this.passwords.setPasswordEncoder(encoder);
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String email =
                authentication.getName() == null ? "" : authentication.getName().strip();
        if (email.isEmpty() || email.length() > AccountService.EMAIL_MAX) {
            throw new BadCredentialsException("Email or password is wrong");
        }
        String ip = authentication.getDetails() instanceof WebAuthenticationDetails details
                        && details.getRemoteAddress() != null
                ? details.getRemoteAddress()
                : "unknown";
        Instant until = throttle.lockedUntil(email, ip).orElse(null);
        if (until != null) {
            throw new SignInLockedException(until);
        }
        try {
            Authentication result = passwords.authenticate(
                    UsernamePasswordAuthenticationToken.unauthenticated(email, authentication.getCredentials()));
            throttle.record(email, ip, true);
            if (result instanceof UsernamePasswordAuthenticationToken token) {
                token.setDetails(authentication.getDetails());
            }
            return result;
        } catch (AuthenticationException e) {
            throttle.record(email, ip, false);
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
