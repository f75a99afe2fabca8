package org.broadsheet.web;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A moment as a page shows it, in the site's zone. Each form is formatted only when a
 * template asks for it, since lists show one or two of the three.
 */
public record DisplayDate(ZonedDateTime at) {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm zzz", Locale.ENGLISH);

    /** For {@code <time datetime>}: ISO-8601 with offset, e.g. "2026-11-27T14:05:00Z". */
    public String iso() {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at);
    }

    /** "27 November 2026". */
    public String date() {
        return DATE.format(at);
    }

    /** "27 November 2026, 14:05 UTC". */
    public String full() {
        return FULL.format(at);
    }
}
