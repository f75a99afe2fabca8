package org.broadsheet.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import org.springframework.stereotype.Component;

/** Formats instants for pages, in the site's zone. */
@Component
public class Dates {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm zzz", Locale.ENGLISH);
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final ZoneId zone;

    public Dates(SiteSettings settings) {
        this.zone = settings.timeZone();
    }

    public DisplayDate of(Instant instant) {
        var local = instant.truncatedTo(ChronoUnit.SECONDS).atZone(zone);
        return new DisplayDate(ISO.format(local), DATE.format(local), FULL.format(local));
    }
}
