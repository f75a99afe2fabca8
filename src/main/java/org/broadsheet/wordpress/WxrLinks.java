package org.broadsheet.wordpress;

import java.net.URI;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Links between imported posts, string in, string out. A line (or paragraph) that is only a
 * link to an imported post becomes {@code [[related: ID]]}, a line "READ MORE: link" becomes
 * {@code [[read-more: ID]]}, and any other link to one points at its new address. A link whose
 * post has no article yet (it comes later in the file) is left, and {@link Converted#pending}
 * says the body needs converting again at the end.
 */
final class WxrLinks {

    static final Pattern ONLY_LINK = Pattern.compile(
            "(?im)^[ \\t]*(?:<p(?:\\s[^>]*)?>)?[ \\t]*(read more:[ \\t]*)?<a\\s+href=\"([^\"]+)\"[^>]*>[^<]*</a>[ \\t]*(?:</p>)?[ \\t]*$");
    private static final Pattern HREF = Pattern.compile("href=\"([^\"]+)\"");

    /** Where an imported post is now: its article's id, and its public address when it has one. */
    record Target(long articleId, @Nullable String url) {}

    record Converted(String text, boolean pending) {}

    private final Set<String> hosts;
    private final Function<String, Optional<Long>> wpIdAt;
    private final Function<Long, Optional<Target>> target;

    /**
     * @param hosts  the old site's host names (links elsewhere are left alone)
     * @param wpIdAt the WordPress ID of the post at an old path ("/2024/03/slug", "/?p=ID")
     * @param target the article a WordPress ID became, when it exists
     */
    WxrLinks(Set<String> hosts, Function<String, Optional<Long>> wpIdAt, Function<Long, Optional<Target>> target) {
        this.hosts = hosts;
        this.wpIdAt = wpIdAt;
        this.target = target;
    }

    Converted convert(String body) {
        if (!body.contains("href=\"") && !hasHref(body)) {
            return new Converted(body, false); // no link at all, the most common case: no line-by-line scan
        }
        boolean[] pending = {false};
        String text = LineStarts.replaceAll(ONLY_LINK, body, m -> {
            Optional<Long> wpId = wpId(m.group(2));
            if (wpId.isEmpty()) {
                return m.group();
            }
            Optional<Target> to = target.apply(wpId.get());
            if (to.isEmpty()) {
                pending[0] = true;
                return m.group();
            }
            String kind = m.group(1) == null ? "related" : "read-more";
            return "[[" + kind + ": " + to.get().articleId() + "]]";
        });
        text = HREF.matcher(text).replaceAll(m -> {
            Optional<Long> wpId = wpId(m.group(1));
            Optional<Target> to = wpId.flatMap(target);
            if (wpId.isPresent() && to.isEmpty()) {
                pending[0] = true;
            }
            String url = to.map(Target::url).orElse(null);
            return Matcher.quoteReplacement(url == null ? m.group() : "href=\"" + WxrBodies.escape(url) + "\"");
        });
        return new Converted(text, pending[0]);
    }

    private static final Pattern REFERENCE =
            Pattern.compile("(?m)^[ \\t]*\\[\\[\\s*(?:related|read-more)\\s*:\\s*([A-Za-z0-9-]{1,120})\\s*]][ \\t]*$");

    /** The keys (slugs, as our own exports write them) of the story references of a Markdown body. */
    static java.util.List<String> referenceKeys(String markdown) {
        return REFERENCE
                .matcher(markdown)
                .results()
                .map(m -> m.group(1).toLowerCase(java.util.Locale.ROOT))
                .toList();
    }

    /**
     * Whether {@code body} has {@code href="} in any case. Found from each {@code ="}, which is
     * quick to search for: a case-blind pattern tries every character of the body, and most
     * bodies have no link at all (3% of an import's processor time went on that).
     */
    static boolean hasHref(String body) {
        for (int at = body.indexOf("=\""); at >= 0; at = body.indexOf("=\"", at + 1)) {
            if (at >= 4 && body.regionMatches(true, at - 4, "href", 0, 4)) {
                return true;
            }
        }
        return false;
    }

    private Optional<Long> wpId(String href) {
        try {
            URI uri = URI.create(WxrBodies.unescape(href).strip());
            if (uri.getHost() == null || !hosts.contains(uri.getHost())) {
                return Optional.empty();
            }
            String path = WxrPost.oldPath(uri.toString());
            return path == null ? Optional.empty() : wpIdAt.apply(path);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
