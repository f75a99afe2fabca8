package org.broadsheet.web;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code broadsheet.request-body.*}: how slowly a request body may arrive before the connection
 * is cut off with a 408, and how many request threads may wait for bodies at once before more are
 * refused with a 503 ({@link SlowBodies}). A body is read while it holds one of the request
 * threads, so without a least rate one client trickling a byte a second holds a thread for as
 * long as it likes, and without a bound a few such clients hold them all.
 *
 * @param leastRate      the least rate a body must keep, on average since its reading began, as a
 *                       size a second (a phone on 2G manages several KB a second); 0 turns the
 *                       check off, and the bound with it
 * @param grace          how long a body may arrive below that rate before it is measured; also how
 *                       long a body may send nothing at all (Tomcat's upload timeout) before it is
 *                       cut off
 * @param waitingReaders the most request threads that may wait at once for body bytes still on
 *                       their way; a body that would make one more waiting is refused with a 503
 *                       and {@code Retry-After} at once (a body already in when its reading begins
 *                       waits for nothing and is never refused). Not set: half of
 *                       {@code server.tomcat.threads.max} with platform threads, so that readers
 *                       always have the other half, and no bound with virtual threads; 0: no bound
 */
@ConfigurationProperties("broadsheet.request-body")
public record RequestBodySettings(
        @DefaultValue("1KB") DataSize leastRate,
        @DefaultValue("5s") Duration grace,
        @Nullable Integer waitingReaders) {

    /** Whether bodies are measured at all. */
    boolean enforced() {
        return leastRate.toBytes() > 0;
    }
}
