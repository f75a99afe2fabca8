package org.broadsheet.feed;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.broadsheet.taxonomy.AuthorService;
import org.broadsheet.taxonomy.SectionService;
import org.broadsheet.taxonomy.TagService;
import org.broadsheet.web.MovedAddresses;
import org.springframework.stereotype.Component;

/**
 * The feeds of renamed sections, tags and authors: {@code /tag/old/feed} answers 301 with
 * {@code /tag/new/feed}, as the page {@code /tag/old} does with {@code /tag/new}. Asked only
 * for requests that would otherwise be a 404.
 */
@Component
record FeedAddresses(SectionService sections, TagService tags, AuthorService authors) implements MovedAddresses {

    private static final Pattern FEED = Pattern.compile("(/.+)/(feed(?:/atom)?)");

    @Override
    public Optional<String> movedTo(String path) {
        Matcher m = FEED.matcher(path);
        if (!m.matches()) {
            return Optional.empty();
        }
        for (MovedAddresses pages : List.<MovedAddresses>of(sections, tags, authors)) {
            Optional<String> page = pages.movedTo(m.group(1));
            if (page.isPresent() && !page.get().contains("/page/")) {
                return Optional.of(page.get() + "/" + m.group(2));
            }
        }
        return Optional.empty();
    }
}
