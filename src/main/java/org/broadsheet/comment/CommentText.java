package org.broadsheet.comment;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what a reader typed into the HTML of their comment: everything is text; blank
 * lines separate paragraphs, single line breaks are kept, and web addresses become links.
 * No markup a reader writes is ever rendered as markup. Thread-safe.
 */
final class CommentText {

    /** A web address: an http(s) URL or one starting with "www.". */
    static final Pattern URL = Pattern.compile("(?i)\\b(?:https?://|www\\.)[^\\s<>\"]+");

    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n[ \\t]*\\n\\s*");
    private static final String TRAILING_PUNCTUATION = ".,;:!?'\"*";

    private CommentText() {}

    /** The comment's HTML (to be passed through the comment sanitiser before storing). */
    static String toHtml(String text) {
        String normalised = normalise(text);
        StringBuilder html = new StringBuilder(normalised.length() + 32);
        // Most comments are one line: no pattern is run on those. "\n" is split without one.
        String[] paragraphs =
                normalised.indexOf('\n') < 0 ? new String[] {normalised} : PARAGRAPH_BREAK.split(normalised);
        for (String paragraph : paragraphs) {
            if (paragraph.isBlank()) {
                continue;
            }
            html.append("<p>");
            String[] lines = paragraph.strip().split("\n");
            for (int i = 0; i < lines.length; i++) {
                if (i > 0) {
                    html.append("<br>\n");
                }
                appendLinked(html, lines[i].strip());
            }
            html.append("</p>\n");
        }
        return html.toString();
    }

    /** How many web addresses the text contains. */
    static int countLinks(String text) {
        if (text == null || !mayLink(text)) {
            return 0;
        }
        Matcher m = URL.matcher(text);
        int count = 0;
        while (m.find()) {
            count++;
        }
        return count;
    }

    /** Line endings as {@code \n}, no trailing blanks at either end. */
    static String normalise(String text) {
        return text == null
                ? ""
                : text.replace("\r\n", "\n").replace('\r', '\n').strip();
    }

    /**
     * Whether {@code text} has what every web address {@link #URL} finds begins with ({@code ://}
     * or {@code www.}, in any case): most comments have neither, and a search for those is far
     * quicker than the pattern's, which tries a word boundary at every character (about 5% of a
     * WordPress import's writing, 300,000 comments each checked and made HTML).
     */
    static boolean mayLink(String text) {
        if (text.contains("://")) {
            return true;
        }
        for (int dot = text.indexOf('.'); dot >= 0; dot = text.indexOf('.', dot + 1)) {
            if (dot >= 3 && text.regionMatches(true, dot - 3, "www", 0, 3)) {
                return true;
            }
        }
        return false;
    }

    private static void appendLinked(StringBuilder html, String line) {
        if (!mayLink(line)) {
            escape(html, line);
            return;
        }
        Matcher m = URL.matcher(line);
        int start = 0;
        while (m.find()) {
            String url = trimPunctuation(m.group());
            escape(html, line.substring(start, m.start()));
            String href = url.regionMatches(true, 0, "www.", 0, 4) ? "http://" + url : url;
            html.append("<a href=\"");
            escape(html, href);
            html.append("\" rel=\"nofollow ugc noopener\">");
            escape(html, url);
            html.append("</a>");
            start = m.start() + url.length();
        }
        escape(html, line.substring(start));
    }

    /** "see https://example.org/a." links to ".../a"; a closing bracket stays only if one opened. */
    private static String trimPunctuation(String url) {
        int end = url.length();
        while (end > 0) {
            char c = url.charAt(end - 1);
            boolean unmatchedBracket = c == ')'
                    && url.substring(0, end).chars().filter(ch -> ch == '(').count()
                            < url.substring(0, end)
                                    .chars()
                                    .filter(ch -> ch == ')')
                                    .count();
            if (TRAILING_PUNCTUATION.indexOf(c) >= 0 || unmatchedBracket) {
                end--;
            } else {
                break;
            }
        }
        return url.substring(0, end);
    }

    private static void escape(StringBuilder html, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> html.append("&amp;");
                case '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '"' -> html.append("&#34;");
                case '\'' -> html.append("&#39;");
                default -> html.append(c);
            }
        }
    }
}
