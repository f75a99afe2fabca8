package org.broadsheet.wordpress;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.broadsheet.article.ArticleForm;
import org.jspecify.annotations.Nullable;

/** What Broadsheet needs from a WXR item, string in, string out: its dates, status, old address, texts. */
final class WxrPost {

    private static final DateTimeFormatter WORDPRESS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /** The form of {@link #usualForm}: {@code 0} stands for a digit. */
    private static final String USUAL = "0000-00-00 00:00:00";

    private WxrPost() {}

    static long id(WxrNode item, String field) {
        try {
            return Long.parseLong(item.text(field).strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The GMT date of {@code gmtField}, else the local one read as UTC (drafts have no GMT date), else null. */
    static @Nullable Instant date(WxrNode node, String gmtField, String localField) {
        Instant gmt = parse(node.text(gmtField));
        return gmt != null ? gmt : parse(node.text(localField));
    }

    static @Nullable Instant parse(String text) {
        if (text.isBlank() || text.startsWith("0000")) {
            return null;
        }
        String date = text.strip();
        LocalDateTime usual = usualForm(date);
        if (usual != null) {
            return usual.toInstant(ZoneOffset.UTC);
        }
        try {
            return LocalDateTime.parse(date, WORDPRESS).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * A date as WordPress writes every one ({@code 2024-03-01 09:30:00}), read by hand when it is
     * a valid one in exactly that form; null for anything else, which the formatter then reads
     * (or refuses). Each post and comment has two dates: the formatter's general parsing was 1%
     * of an import's processor time, and more in its compilation.
     */
    static @Nullable LocalDateTime usualForm(String date) {
        if (date.length() != USUAL.length()) {
            return null;
        }
        for (int i = 0; i < USUAL.length(); i++) {
            char c = date.charAt(i);
            if (USUAL.charAt(i) == '0' ? c < '0' || c > '9' : c != USUAL.charAt(i)) {
                return null;
            }
        }
        int year = number(date, 0, 4);
        int month = number(date, 5, 7);
        int day = number(date, 8, 10);
        int hour = number(date, 11, 13);
        int minute = number(date, 14, 16);
        int second = number(date, 17, 19);
        if (year < 1 || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        if (day > YearMonth.of(year, month).lengthOfMonth()) {
            return null; // the formatter's own rule (its smart resolving) decides
        }
        return LocalDateTime.of(year, month, day, hour, minute, second);
    }

    private static int number(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return value;
    }

    /**
     * The item's old address as a path without trailing slash ({@code /2024/03/slug},
     * {@code /slug}), or {@code /?p=ID} for a site without pretty permalinks; null for none.
     */
    static @Nullable String oldPath(String link) {
        try {
            URI uri = URI.create(link.strip());
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            String query = uri.getRawQuery();
            if ((path.isEmpty() || path.equals("/")) && query != null && query.matches("(page_id|p)=[0-9]+")) {
                return "/?p=" + query.substring(query.indexOf('=') + 1);
            }
            String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
            return trimmed.isEmpty() ? null : trimmed;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String headline(WxrNode item) {
        String title = WxrBodies.unescape(item.text("title")).strip();
        return cut(title.isEmpty() ? "(untitled)" : title, ArticleForm.HEADLINE_MAX);
    }

    static String standfirst(WxrNode item) {
        return cut(WxrBodies.plain(item.text("excerpt:encoded")), ArticleForm.STANDFIRST_MAX);
    }

    /**
     * The values of {@code key} among the node's {@code element} entries ({@code wp:postmeta},
     * {@code wp:termmeta}, {@code wp:commentmeta}), in the file's order.
     */
    static java.util.List<String> meta(WxrNode node, String element, String key) {
        return node.all(element).stream()
                .filter(m -> m.text("wp:meta_key").strip().equals(key))
                .map(m -> m.text("wp:meta_value"))
                .toList();
    }

    /** At most {@code max} characters, never splitting a surrogate pair. */
    static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end);
    }
}
