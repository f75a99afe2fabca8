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

    private static final Pattern BLOCK_COMMENT = Pattern.compile("<!--\\s*/?wp:[^>]*?-->\\n?");
    private static final Pattern MORE = Pattern.compile("<!--(more|nextpage|noteaser)[^>]*-->");
    private static final Pattern CAPTION = Pattern.compile("(?s)\\[caption[^\\]]*\\](.*?)\\[/caption\\]");
    private static final Pattern CAPTION_PARTS = Pattern.compile("(?s)^\\s*((?:<a[^>]*>)?<img[^>]*>(?:</a>)?)(.*)$");
    private static final Pattern EMBED = Pattern.compile("(?s)\\[embed[^\\]]*\\](.*?)\\[/embed\\]");
    private static final Pattern GALLERY = Pattern.compile("\\[gallery([^\\]]*)\\]");
    private static final Pattern IDS = Pattern.compile("ids=[\"']?([0-9, ]+)");
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
            text = BLOCK_COMMENT.matcher(text).replaceAll("");
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
        return org.springframework.web.util.HtmlUtils.htmlUnescape(html.replaceAll("<[^>]*>", ""))
                .replaceAll("\\s+", " ")
                .strip();
    }
}
