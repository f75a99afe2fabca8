package org.broadsheet.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Component;

/** Turns instants into {@link DisplayDate}s in the site's zone. */
@Component
public class Dates {

    private final ZoneId zone;

    public Dates(SiteSettings settings) {
        this.zone = settings.timeZone();
    }

    public DisplayDate of(Instant instant) {
        return new DisplayDate(instant.truncatedTo(ChronoUnit.SECONDS).atZone(zone));
    }
}
