package org.broadsheet.account;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Brute-force defence: after {@link AccountSettings#failuresPerAccount()} failed sign-ins for
 * an account, or {@link AccountSettings#failuresPerIp()} from one address, within the window,
 * further attempts are refused (even with the right password) until enough of those failures
 * have aged out. Attempts live in PostgreSQL, so the limit holds across nodes.
 */
@Component
record SignInThrottle(StaffRepository repository, AccountSettings settings, Clock clock, MeterRegistry registry) {

    /**
     * Counts {@code broadsheet.sign.in{kind=password|api-token, outcome=success|failure|locked}}:
     * {@code locked} is an attempt refused unheard because the account or address is locked.
     */
    static final String METER = "broadsheet.sign.in";

    /** When sign-in for this email from this address will be allowed again; empty if it is now. */
    Optional<Instant> lockedUntil(String email, String ip) {
        Instant since = clock.instant().minus(settings.failureWindow());
        Optional<Instant> byEmail =
                until(repository.recentFailuresForEmail(email, since), settings.failuresPerAccount());
        Optional<Instant> byIp = until(repository.recentFailuresForIp(ip, since), settings.failuresPerIp());
        if (byEmail.isPresent() && byIp.isPresent()) {
            return counted(email, Optional.of(byEmail.get().isAfter(byIp.get()) ? byEmail.get() : byIp.get()));
        }
        return counted(email, byEmail.isPresent() ? byEmail : byIp);
    }

    /** When this address may try again, counting its failures only (API tokens have no email). */
    Optional<Instant> lockedUntilForIp(String ip) {
        Instant since = clock.instant().minus(settings.failureWindow());
        return counted(
                ApiTokens.THROTTLE_KEY, until(repository.recentFailuresForIp(ip, since), settings.failuresPerIp()));
    }

    void record(String email, String ip, boolean succeeded) {
        repository.recordAttempt(email, ip, succeeded, clock.instant());
        count(email, succeeded ? "success" : "failure");
    }

    private Optional<Instant> counted(String email, Optional<Instant> locked) {
        if (locked.isPresent()) {
            count(email, "locked");
        }
        return locked;
    }

    /** Rare enough (a sign-in, a bad token) to look the counter up each time. */
    private void count(String email, String outcome) {
        registry.counter(
                        METER,
                        "kind",
                        ApiTokens.THROTTLE_KEY.equals(email) ? "api-token" : "password",
                        "outcome",
                        outcome)
                .increment();
    }

    /** Old attempts are of no use to the throttle; a day is kept for anyone looking into an attack. */
    @Scheduled(fixedDelayString = "1h", initialDelayString = "10m")
    void forgetOldAttempts() {
        repository.deleteAttemptsBefore(
                clock.instant().minus(settings.failureWindow()).minusSeconds(86_400));
    }

    private Optional<Instant> until(List<Instant> failures, int limit) {
        if (limit <= 0 || failures.size() < limit) {
            return Optional.empty();
        }
        // The lock lifts when the failure that completed the limit, counted from the newest, ages out.
        return Optional.of(failures.get(failures.size() - limit).plus(settings.failureWindow()));
    }
}
