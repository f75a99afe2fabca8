package org.broadsheet.web;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.springframework.stereotype.Component;

/**
 * The allow-lists for HTML that readers see but staff or readers wrote: article bodies and
 * reader comments.
 *
 * <p>Guarantees: no script or style elements, no event-handler or style attributes, no
 * iframes, objects or forms; URLs only {@code http}, {@code https}, {@code mailto} or
 * relative (never {@code javascript:} or {@code data:}); links that leave the site carry
 * {@code rel="noopener"}; an {@code h1} becomes {@code h2}, since the page owns its only
 * {@code h1}. Thread-safe.
 */
@Component
public class HtmlSanitizer {

    private static final Pattern EXTERNAL = Pattern.compile("^(?:https?:)?//", Pattern.CASE_INSENSITIVE);

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements(
                    "p",
                    "h2",
                    "h3",
                    "h4",
                    "h5",
                    "h6",
                    "blockquote",
                    "ul",
                    "ol",
                    "li",
                    "em",
                    "strong",
                    "b",
                    "i",
                    "code",
                    "pre",
                    "hr",
                    "br",
                    "sup",
                    "sub",
                    "del",
                    "ins",
                    "s",
                    "small",
                    "mark",
                    "figure",
                    "figcaption",
                    "table",
                    "thead",
                    "tbody",
                    "tr",
                    "th",
                    "td",
                    "caption",
                    "cite",
                    "q",
                    "abbr",
                    "dl",
                    "dt",
                    "dd")
            .allowElements((name, attrs) -> "h2", "h1")
            .allowUrlProtocols("http", "https", "mailto")
            .allowAttributes("href")
            .onElements("a")
            .allowAttributes("title")
            .onElements("a", "abbr")
            .allowAttributes("src", "alt", "width", "height")
            .onElements("img")
            .allowAttributes("start")
            .matching(Pattern.compile("\\d{1,6}"))
            .onElements("ol")
            .allowAttributes("colspan", "rowspan")
            .matching(Pattern.compile("\\d{1,3}"))
            .onElements("td", "th")
            .allowElements(HtmlSanitizer::linkPolicy, "a")
            .allowElements("img")
            .toFactory();

    /**
     * Reader comments: paragraphs, line breaks and links to {@code http}/{@code https} URLs
     * only, every link marked {@code rel="nofollow ugc noopener"}.
     */
    private static final PolicyFactory COMMENT_POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br")
            .allowUrlProtocols("http", "https")
            .allowAttributes("href")
            .onElements("a")
            .allowElements(
                    (name, attrs) -> {
                        attrs.add("rel");
                        attrs.add("nofollow ugc noopener");
                        return "a";
                    },
                    "a")
            .toFactory();

    /** Returns {@code untrusted} reduced to the allow-list; never null. */
    public SafeHtml sanitize(String untrusted) {
        if (untrusted == null || untrusted.isBlank()) {
            return SafeHtml.EMPTY;
        }
        return new SafeHtml(POLICY.sanitize(untrusted));
    }

    /** Returns a reader comment's HTML reduced to the comment allow-list; never null. */
    public SafeHtml sanitizeComment(String untrusted) {
        if (untrusted == null || untrusted.isBlank()) {
            return SafeHtml.EMPTY;
        }
        return new SafeHtml(COMMENT_POLICY.sanitize(untrusted));
    }

    /**
     * Wraps HTML that this sanitiser produced earlier and that was stored as it came out
     * (a rendered article body read back from the database), without sanitising it again.
     */
    public SafeHtml fromStore(String sanitisedEarlier) {
        return sanitisedEarlier == null || sanitisedEarlier.isEmpty() ? SafeHtml.EMPTY : new SafeHtml(sanitisedEarlier);
    }

    private static String linkPolicy(String name, List<String> attrs) {
        int href = attrs.indexOf("href");
        boolean external = href >= 0
                && href % 2 == 0
                && EXTERNAL.matcher(attrs.get(href + 1).trim()).find();
        if (external) {
            attrs.add("rel");
            attrs.add("noopener");
        }
        return name.toLowerCase(Locale.ROOT);
    }
}
