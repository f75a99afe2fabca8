package org.broadsheet.feed;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.broadsheet.article.ReaderChange;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Validators for conditional GETs of sitemaps: weak ETags. A sitemap held in memory before it is
 * written (the index, a sitemap of sections, tags or authors, the news sitemap: all small) is
 * tagged by a digest of what it lists ({@link #ofContent}). The articles sitemaps are written as
 * they are read, so there is no body to digest first; and a {@code Last-Modified} taken from the
 * articles would miss a story taken down (status changes leave no time behind) and answer 304
 * over a stale list. They are tagged by the changes this node has heard of ({@link #ofChanges})
 * — a story published, changed or taken down, a section, tag or author changed — counted at once
 * and again when the writing transaction ends (so a sitemap read before the commit never keeps
 * the tag of one read after), and after the event bus came back (it may have missed some). That
 * tag carries this node's start too: another node answers with a full 200, never a stale 304.
 */
@Component
class SitemapVersion {

    private final String node = Long.toString(UUID.randomUUID().getMostSignificantBits() >>> 1, 36);
    private final AtomicLong changes = new AtomicLong();

    @EventListener
    void onChange(ReaderChange change) {
        changes.incrementAndGet();
    }

    /** How many changes this node has heard of: read it before reading what a sitemap lists. */
    long changes() {
        return changes.get();
    }

    /** The tag of a sitemap read after {@code changes} changes, with whatever else its bytes depend on. */
    String ofChanges(long changes, Object... dependsOn) {
        return "W/\"" + node + "-" + changes + "-" + digest(dependsOn) + "\"";
    }

    /** The tag of a sitemap that lists exactly {@code content} (records, lists and strings, by their text). */
    String ofContent(Object... content) {
        return "W/\"" + digest(content) + "\"";
    }

    private static String digest(Object... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Object part : parts) {
                sha.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }
}
