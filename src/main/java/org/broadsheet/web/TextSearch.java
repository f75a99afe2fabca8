package org.broadsheet.web;

/** Staff searches by plain text in lists (comments, tags): a typed word matches anywhere, as typed. */
public final class TextSearch {

    /** Longest search text accepted; longer input is cut. */
    public static final int MAX_LENGTH = 200;

    private TextSearch() {}

    /** The text, trimmed and cut to {@link #MAX_LENGTH}; null when there is nothing to search for. */
    public static String normalise(String query) {
        if (query == null || query.isBlank()) {
            return null;
        }
        String q = query.strip();
        return q.length() > MAX_LENGTH ? q.substring(0, MAX_LENGTH) : q;
    }

    /**
     * A SQL {@code like}/{@code ilike} pattern matching {@code text} anywhere, with {@code %},
     * {@code _} and the escape character {@code \} in it taken literally.
     */
    public static String containing(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
