package org.broadsheet.wordpress;

import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A WordPress post's content as a Broadsheet body: block-editor comments and {@code <!--more-->}
 * removed, {@code [caption]}, {@code [gallery]} and {@code [embed]} turned into HTML, other
 * shortcodes left as text and named in {@link Body#unknownShortcodes}. The result is still
 * HTML: {@link WxrLinks} reads its links, then {@link HtmlMarkdown} makes Markdown of it.
 */
final class WxrBodies {

    private static final Pattern MORE = Pattern.compile("<!--(more|nextpage|noteaser)[^>]*-->");
    private static final Pattern CAPTION = Pattern.compile("(?s)\\[caption[^\\]]*\\](.*?)\\[/caption\\]");
    private static final Pattern CAPTION_PARTS = Pattern.compile("(?s)^\\s*((?:<a[^>]*>)?<img[^>]*>(?:</a>)?)(.*)$");
    private static final Pattern EMBED = Pattern.compile("(?s)\\[embed[^\\]]*\\](.*?)\\[/embed\\]");
    private static final Pattern GALLERY = Pattern.compile("\\[gallery([^\\]]*)\\]");
    private static final Pattern IDS = Pattern.compile("ids=[\"']?([0-9, ]+)");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern SHORTCODE = Pattern.compile("\\[/?([a-zA-Z][a-zA-Z0-9_-]*)(?:\\s[^\\]]*)?/?\\]");

    /** @param unknownShortcodes names of the shortcodes left as they were */
    record Body(String text, Set<String> unknownShortcodes) {}

    private WxrBodies() {}

    /** Converts {@code content}; {@code attachmentUrl} gives a gallery's images by WordPress ID (null: unknown). */
    static Body convert(String content, LongFunction<@Nullable String> attachmentUrl) {
        // Each pattern only where its literal start occurs: String.indexOf is far quicker than
        // a regular expression's scan, and most bodies have no shortcode at all.
        String text = content;
        if (text.contains("<!--")) {
            text = withoutBlockComments(text);
            text = text.contains("<!--") ? MORE.matcher(text).replaceAll("") : text;
        }
        Set<String> unknown = new TreeSet<>();
        if (text.indexOf('[') >= 0) {
            text = text.contains("[caption") ? replace(CAPTION, text, m -> caption(m.group(1))) : text;
            text = text.contains("[embed")
                    ? replace(EMBED, text, m -> link(m.group(1).strip()))
                    : text;
            text = text.contains("[gallery") ? replace(GALLERY, text, m -> gallery(m.group(1), attachmentUrl)) : text;
            Matcher shortcode = SHORTCODE.matcher(text);
            while (shortcode.find()) {
                unknown.add(shortcode.group(1));
            }
        }
        return new Body(text.replace("\r\n", "\n").strip(), unknown);
    }

    /**
     * {@code text} without its block-editor comments, each with the line break after it: a
     * {@code <!--}, white space, an optional {@code /}, {@code wp:}, then anything but {@code >}
     * up to a {@code -->} (the pattern in {@code WxrBodiesTests}, which compares the two). Found
     * by hand: a block-edited body has a comment before and after every block, and the pattern's
     * search and replacement were 2-3% of an import's processor time.
     */
    static String withoutBlockComments(String text) {
        StringBuilder out = null;
        int copied = 0;
        int at = text.indexOf("<!--");
        while (at >= 0) {
            int end = blockCommentEnd(text, at);
            if (end < 0) {
                at = text.indexOf("<!--", at + 1);
                continue;
            }
            out = out == null ? new StringBuilder(text.length()) : out;
            out.append(text, copied, at);
            copied = end;
            at = text.indexOf("<!--", end);
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    /** Where the block comment that starts at {@code at} ends (its line break included), or -1 if none does. */
    private static int blockCommentEnd(String text, int at) {
        int i = at + "<!--".length();
        while (i < text.length() && " \t\n\u000B\f\r".indexOf(text.charAt(i)) >= 0) {
            i++;
        }
        if (i < text.length() && text.charAt(i) == '/') {
            i++;
        }
        if (!text.startsWith("wp:", i)) {
            return -1;
        }
        i += "wp:".length();
        int close = text.indexOf('>', i); // the comment's text has no '>': the first one ends it, after "--"
        if (close < 0 || close - 2 < i || text.charAt(close - 1) != '-' || text.charAt(close - 2) != '-') {
            return -1;
        }
        int end = close + 1;
        return end < text.length() && text.charAt(end) == '\n' ? end + 1 : end;
    }

    private static String caption(String inner) {
        Matcher parts = CAPTION_PARTS.matcher(inner);
        if (!parts.matches()) {
            return inner;
        }
        String caption = parts.group(2).strip();
        return "<figure>" + parts.group(1) + (caption.isEmpty() ? "" : "<figcaption>" + caption + "</figcaption>")
                + "</figure>";
    }

    private static String link(String url) {
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            return url;
        }
        String escaped = escape(url);
        return "<a href=\"" + escaped + "\">" + escaped + "</a>";
    }

    private static String gallery(String attributes, LongFunction<@Nullable String> attachmentUrl) {
        Matcher ids = IDS.matcher(attributes);
        if (!ids.find()) {
            return "";
        }
        StringBuilder list = new StringBuilder("<ul>");
        for (String id : ids.group(1).split("[, ]+")) {
            String url = id.isBlank() ? null : attachmentUrl.apply(Long.parseLong(id.strip()));
            if (url != null) {
                list.append("<li><img src=\"").append(escape(url)).append("\" alt=\"\"></li>");
            }
        }
        return list.append("</ul>").toString();
    }

    private static String replace(
            Pattern pattern, String text, java.util.function.Function<java.util.regex.MatchResult, String> with) {
        return pattern.matcher(text).replaceAll(m -> Matcher.quoteReplacement(with.apply(m)));
    }

    static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("\"", "&quot;")
                .replace("<", "&lt;")
                .replace(">", "&gt;");
    }

    /** WordPress keeps names and titles with HTML entities ("Weather &amp;amp; tides"): read them back. */
    static String unescape(String text) {
        return org.springframework.web.util.HtmlUtils.htmlUnescape(text);
    }

    /** Markup removed from a short text (an excerpt): tags dropped, the five entities read back. */
    static String plain(String html) {
        String text = html.indexOf('<') < 0 ? html : TAG.matcher(html).replaceAll("");
        text = text.indexOf('&') < 0 ? text : org.springframework.web.util.HtmlUtils.htmlUnescape(text);
        boolean spaced = MarkdownInline.hasRunToCollapse(text, "\t\n\u000B\f\r"); // what \s is besides ' '
        return (spaced ? WHITESPACE.matcher(text).replaceAll(" ") : text).strip();
    }
}
