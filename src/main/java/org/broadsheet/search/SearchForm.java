package org.broadsheet.search;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The search form as a reader's browser sends it ({@code GET /search?q=…&section=…&from=…&to=…&page=…}):
 * every field as typed, or null when absent. The controller turns it into a {@link SearchQuery}.
 */
record SearchForm(
        @Nullable String q,
        @Nullable String section,
        @Nullable String from,
        @Nullable String to,
        @Nullable String page) {

    /** What a date field sends: {@code yyyy-mm-dd}. */
    private static final Pattern DAY = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    /**
     * The day typed in a date field, or null when blank; when it is not a day, null, and a note
     * for the reader in {@code notes}.
     */
    static @Nullable LocalDate day(@Nullable String typed, String field, List<String> notes) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String day = typed.strip();
        try {
            if (DAY.matcher(day).matches()) {
                return LocalDate.parse(day);
            }
        } catch (DateTimeException e) {
            // a day that does not exist, such as 2026-02-30: said below
        }
        notes.add("The “" + field + "” date was left out: “" + shortened(day)
                + "” is not a date written as year-month-day, such as 2026-03-09.");
        return null;
    }

    static String shortened(String typed) {
        return typed.codePointCount(0, typed.length()) <= 40
                ? typed
                : typed.substring(0, typed.offsetByCodePoints(0, 40)) + "…";
    }
}
