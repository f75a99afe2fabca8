package org.broadsheet.web;

import java.util.regex.Pattern;

/** Page numbers from URLs: {@code 1..100000}; anything else is a 404, never a 500. */
public final class PageNumber {

    public static final int MAX = 100_000;
    private static final Pattern DIGITS = Pattern.compile("[1-9][0-9]{0,5}");

    private PageNumber() {}

    public static int parse(String raw) {
        if (raw == null || !DIGITS.matcher(raw).matches()) {
            throw new NotFoundException("No such page: " + raw);
        }
        int page = Integer.parseInt(raw);
        if (page > MAX) {
            throw new NotFoundException("No such page: " + raw);
        }
        return page;
    }
}
