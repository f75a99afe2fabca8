package org.broadsheet.feed;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which paged sitemap an address names: {@code articles-3.xml} is page 3 of the articles. The
 * inverse of {@link org.broadsheet.web.SiteUrls#sitemap}; pages count from 1, written without
 * leading zeros, so each sitemap has exactly one name.
 */
record SitemapName(SitemapKind kind, int page) {

    private static final Pattern NAME = Pattern.compile("("
            + Arrays.stream(SitemapKind.values()).map(SitemapKind::path).collect(Collectors.joining("|"))
            + ")-([1-9][0-9]{0,8})\\.xml");

    /** The sitemap {@code name} (the last segment of its address) names; empty when it names none. */
    static Optional<SitemapName> parse(String name) {
        Matcher m = NAME.matcher(name);
        if (!m.matches()) {
            return Optional.empty();
        }
        SitemapKind kind = Arrays.stream(SitemapKind.values())
                .filter(k -> k.path().equals(m.group(1)))
                .findFirst()
                .orElseThrow();
        return Optional.of(new SitemapName(kind, Integer.parseInt(m.group(2))));
    }
}
