package org.broadsheet.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code broadsheet.request-body.*}: how slowly a request body may arrive before the connection
 * is cut off with a 408 ({@link SlowBodies}). A body is read while it holds one of the request
 * threads, so without a least rate one client trickling a byte a second holds a thread for as
 * long as it likes.
 *
 * @param leastRate the least rate a body must keep, on average since its reading began, as a size
 *                  a second (a phone on 2G manages several KB a second); 0 turns the check off
 * @param grace     how long a body may arrive below that rate before it is measured; also how long
 *                  a body may send nothing at all (Tomcat's upload timeout) before it is cut off
 */
@ConfigurationProperties("broadsheet.request-body")
public record RequestBodySettings(
        @DefaultValue("1KB") DataSize leastRate,
        @DefaultValue("5s") Duration grace) {

    /** Whether bodies are measured at all. */
    boolean enforced() {
        return leastRate.toBytes() > 0;
    }
}
