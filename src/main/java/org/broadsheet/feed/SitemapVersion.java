package org.broadsheet.feed;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.broadsheet.article.ArticleEvents;
import org.broadsheet.platform.ClusterEventsResumed;
import org.broadsheet.taxonomy.TaxonomyChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Validators for conditional GETs of sitemaps: a weak ETag that changes whenever what sitemaps
 * list may have changed. Sitemaps are written as they are read, so there is no body to hash
 * before sending; and a {@code Last-Modified} taken from the articles would miss a story taken
 * down (status changes leave no time behind). Instead this node counts the changes it hears of
 * — a story published, changed or taken down, a section, tag or author changed — at once and
 * again when the writing transaction ends (so a sitemap read before the commit never keeps the
 * tag of the one after), and after its event-bus connection came back (it may have missed some).
 *
 * <p>The tag is this node's start, the count, and a digest of whatever else the sitemap depends
 * on (the site's address and name, the page size). Another node answers with another tag, which
 * costs a full answer, never a stale one.
 */
@Component
class SitemapVersion {

    private final String node = Long.toString(UUID.randomUUID().getMostSignificantBits() >>> 1, 36);
    private final AtomicLong changes = new AtomicLong();

    @EventListener({
        ArticleEvents.ArticlePublished.class,
        ArticleEvents.ArticleChanged.class,
        ArticleEvents.ArticleUnpublished.class,
        TaxonomyChanged.class,
        ClusterEventsResumed.class
    })
    void onChange() {
        changes.incrementAndGet();
    }

    @TransactionalEventListener(
            phase = TransactionPhase.AFTER_COMPLETION,
            classes = {
                ArticleEvents.ArticlePublished.class,
                ArticleEvents.ArticleChanged.class,
                ArticleEvents.ArticleUnpublished.class,
                TaxonomyChanged.class
            })
    void afterChangeCompleted() {
        changes.incrementAndGet();
    }

    /** How many changes this node has heard of: read it before reading what a sitemap lists. */
    long changes() {
        return changes.get();
    }

    /**
     * A weak ETag for a sitemap read after {@code changes} changes, given everything else its
     * bytes depend on.
     */
    String etag(long changes, List<?> dependsOn) {
        StringBuilder all = new StringBuilder();
        for (Object part : dependsOn) {
            all.append(part).append('\u0000');
        }
        return "W/\"" + node + "-" + changes + "-" + digest(all.toString()) + "\"";
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }
}
