package org.broadsheet.account;

import java.time.Instant;
import org.springframework.security.core.AuthenticationException;

/** Sign-in refused because of too many recent failures; says when it will be allowed again. */
public class SignInLockedException extends AuthenticationException {

    private final Instant until;

    SignInLockedException(Instant until) {
        super("Too many failed sign-ins");
        this.until = until;
    }

    public Instant until() {
        return until;
    }
}
