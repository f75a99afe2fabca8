package org.broadsheet.article;

import org.broadsheet.platform.ClusterEventsResumed;
import org.broadsheet.taxonomy.TaxonomyChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Turns story, taxonomy and event-bus events into {@link ReaderChange}s: once when heard, and
 * for a change made in a transaction on this node, again when that transaction ends (committed
 * or rolled back). Events from other nodes arrive outside any transaction and are announced once.
 */
@Component
record ReaderChanges(ApplicationEventPublisher events) {

    @EventListener({
        ArticleEvents.ArticlePublished.class,
        ArticleEvents.ArticleChanged.class,
        ArticleEvents.ArticleUnpublished.class,
        ArticleEvents.ArticlesImported.class,
        TaxonomyChanged.class,
        ClusterEventsResumed.class
    })
    void onChange(Object event) {
        events.publishEvent(of(event));
    }

    @TransactionalEventListener(
            phase = TransactionPhase.AFTER_COMPLETION,
            classes = {
                ArticleEvents.ArticlePublished.class,
                ArticleEvents.ArticleChanged.class,
                ArticleEvents.ArticleUnpublished.class,
                ArticleEvents.ArticlesImported.class,
                TaxonomyChanged.class
            })
    void afterChangeCompleted(Object event) {
        events.publishEvent(of(event));
    }

    static ReaderChange of(Object event) {
        if (event instanceof ArticleEvents.ArticlePublished e) {
            return new ReaderChange.Story(e.articleId());
        }
        if (event instanceof ArticleEvents.ArticleChanged e) {
            return new ReaderChange.Story(e.articleId());
        }
        if (event instanceof ArticleEvents.ArticleUnpublished e) {
            return new ReaderChange.Story(e.articleId());
        }
        if (event instanceof ArticleEvents.ArticlesImported) {
            return new ReaderChange.Stories();
        }
        if (event instanceof TaxonomyChanged e) {
            return new ReaderChange.Terms(e.changesPermalinks());
        }
        if (event instanceof ClusterEventsResumed) {
            return new ReaderChange.Missed();
        }
        throw new IllegalArgumentException("Not a change readers see: " + event);
    }
}
