package org.broadsheet.comment;

import java.time.Duration;
import java.util.List;
import java.util.function.LongFunction;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The approved comments of recently read articles, in memory. A change to an article's
 * public comments forgets that article's entry at once and again when the writing
 * transaction ends (as {@code ArticleCache} does); other nodes' changes are seen within
 * {@code broadsheet.comments.cache-ttl}.
 */
@Component
class CommentCache {

    private final boolean enabled;
    private final Cache<Long, List<PublicComment>> approved;

    CommentCache(CommentSettings settings) {
        Duration ttl = settings.cacheTtl();
        this.enabled = !ttl.isZero() && !ttl.isNegative();
        this.approved = Caffeine.newBuilder().expireAfterWrite(enabled ? ttl : Duration.ofMillis(1))
                .maximumWeight(200_000)
                .weigher((Long id, List<PublicComment> comments) -> 1 + comments.size())
                .build();
    }

    List<PublicComment> approved(long articleId, LongFunction<List<PublicComment>> loader) {
        return enabled ? approved.get(articleId, loader::apply) : loader.apply(articleId);
    }

    @EventListener({CommentEvents.CommentApproved.class, CommentEvents.CommentChanged.class})
    void onChange(Object event) {
        forget(event);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMPLETION,
            classes = {CommentEvents.CommentApproved.class, CommentEvents.CommentChanged.class})
    void afterChangeCompleted(Object event) {
        forget(event);
    }

    private void forget(Object event) {
        if (event instanceof CommentEvents.CommentApproved e) {
            approved.invalidate(e.articleId());
        } else if (event instanceof CommentEvents.CommentChanged e) {
            approved.invalidate(e.articleId());
        }
    }
}
