package org.broadsheet.feed;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.owasp.html.HtmlSanitizer;
import org.owasp.html.HtmlStreamRenderer;

/**
 * Makes every link and picture in HTML absolute, since a feed is read away from the site:
 * {@code href}, {@code src} and each address in {@code srcset}, resolved against the page the
 * HTML belongs to. The HTML is lexed and written again by the OWASP sanitiser's stream classes,
 * which re-escape every text and attribute value; elements and attributes are left as they were
 * (the HTML is the site's own, sanitised when it was saved). Addresses that do not parse are
 * left as they are. Thread-safe.
 */
final class AbsoluteUrls {

    private AbsoluteUrls() {}

    /** {@code html} with its relative addresses resolved against {@code pageUrl}, an absolute URL. */
    static String in(String html, String pageUrl) {
        URI base = URI.create(pageUrl);
        StringBuilder out = new StringBuilder(html.length() + 256);
        HtmlStreamRenderer renderer = HtmlStreamRenderer.create(out, problem -> {});
        HtmlSanitizer.sanitize(html, new HtmlSanitizer.Policy() {
            @Override
            public void openDocument() {
                renderer.openDocument();
            }

            @Override
            public void closeDocument() {
                renderer.closeDocument();
            }

            @Override
            public void openTag(String name, List<String> attributes) {
                renderer.openTag(name, resolved(attributes, base));
            }

            @Override
            public void closeTag(String name) {
                renderer.closeTag(name);
            }

            @Override
            public void text(String text) {
                renderer.text(text);
            }
        });
        return out.toString();
    }

    /** Attributes are name, value, name, value. */
    private static List<String> resolved(List<String> attributes, URI base) {
        for (int i = 0; i + 1 < attributes.size(); i += 2) {
            String name = attributes.get(i).toLowerCase(Locale.ROOT);
            String value = attributes.get(i + 1);
            if (name.equals("href") || name.equals("src")) {
                attributes.set(i + 1, resolve(base, value));
            } else if (name.equals("srcset")) {
                attributes.set(i + 1, resolveSrcset(base, value));
            }
        }
        return attributes;
    }

    /** {@code 480w} descriptors stay; each address before one is resolved. */
    private static String resolveSrcset(URI base, String srcset) {
        StringBuilder out = new StringBuilder(srcset.length() + 64);
        for (String candidate : srcset.split(",")) {
            String trimmed = candidate.strip();
            int space = trimmed.indexOf(' ');
            String url = space < 0 ? trimmed : trimmed.substring(0, space);
            out.append(out.isEmpty() ? "" : ", ")
                    .append(resolve(base, url))
                    .append(space < 0 ? "" : trimmed.substring(space));
        }
        return out.toString();
    }

    private static String resolve(URI base, String url) {
        String trimmed = url.strip();
        if (trimmed.isEmpty()) {
            return url;
        }
        try {
            return base.resolve(trimmed).toString();
        } catch (IllegalArgumentException e) {
            return url;
        }
    }
}
