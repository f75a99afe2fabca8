package org.broadsheet.web;

/**
 * A moment as a page shows it.
 *
 * @param iso   for {@code <time datetime>}: ISO-8601 with offset
 * @param date  "27 November 2026"
 * @param full  "27 November 2026, 14:05 UTC"
 */
public record DisplayDate(String iso, String date, String full) {
}
