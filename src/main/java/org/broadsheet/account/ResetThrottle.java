package org.broadsheet.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The rate limit of "Forgot your password?": at most {@link AccountSettings#resetsPerAccount()}
 * requests for one address and {@link AccountSettings#resetsPerIp()} from one client within
 * {@link AccountSettings#resetWindow()}, counted whether or not the address belongs to anyone
 * (so the limit says nothing about who has an account). Requests live in PostgreSQL, so the
 * limit holds across nodes.
 */
@Component
record ResetThrottle(JdbcClient jdbc, AccountSettings settings, Clock clock) {

    /** Records a request for {@code email} from {@code ip} and returns true, or returns false when over a limit. */
    boolean allow(String email, String ip) {
        Instant now = clock.instant();
        Instant since = now.minus(settings.resetWindow());
        long forEmail = jdbc.sql(
                        "select count(*) from password_reset_request where lower(email) = lower(:email) and at > :since")
                .param("email", email)
                .param("since", Timestamp.from(since))
                .query(Long.class)
                .single();
        long fromIp = jdbc.sql("select count(*) from password_reset_request where ip = :ip and at > :since")
                .param("ip", ip)
                .param("since", Timestamp.from(since))
                .query(Long.class)
                .single();
        if (forEmail >= settings.resetsPerAccount() || fromIp >= settings.resetsPerIp()) {
            return false;
        }
        jdbc.sql("insert into password_reset_request (email, ip, at) values (:email, :ip, :at)")
                .param("email", email)
                .param("ip", ip)
                .param("at", Timestamp.from(now))
                .update();
        return true;
    }

    /** Requests older than the window count for nothing; a day is kept for anyone looking into abuse. */
    @Scheduled(fixedDelayString = "1h", initialDelayString = "10m")
    void forgetOldRequests() {
        jdbc.sql("delete from password_reset_request where at < :before")
                .param(
                        "before",
                        Timestamp.from(
                                clock.instant().minus(settings.resetWindow()).minusSeconds(86_400)))
                .update();
    }
}
