package org.broadsheet.comment;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Turns comment events into {@link CommentChange}s: once when heard, and for a change made in a
 * transaction on this node, again when that transaction ends (so nothing read before the commit,
 * or inside a transaction that rolled back, is kept). As {@code article.ReaderChanges} does for
 * stories.
 */
@Component
record CommentChanges(ApplicationEventPublisher events) {

    @EventListener({
        CommentEvents.CommentApproved.class,
        CommentEvents.CommentChanged.class,
        CommentEvents.CommentPolicyChanged.class,
        CommentEvents.CommentsImported.class
    })
    void onChange(Object event) {
        events.publishEvent(of(event));
    }

    @TransactionalEventListener(
            phase = TransactionPhase.AFTER_COMPLETION,
            classes = {
                CommentEvents.CommentApproved.class,
                CommentEvents.CommentChanged.class,
                CommentEvents.CommentPolicyChanged.class,
                CommentEvents.CommentsImported.class
            })
    void afterChangeCompleted(Object event) {
        events.publishEvent(of(event));
    }

    static CommentChange of(Object event) {
        if (event instanceof CommentEvents.CommentApproved e) {
            return new CommentChange.Article(e.articleId());
        }
        if (event instanceof CommentEvents.CommentChanged e) {
            return new CommentChange.Article(e.articleId());
        }
        return new CommentChange.All();
    }
}
