package org.broadsheet.comment;

import org.broadsheet.platform.ClusterEventsResumed;
import org.broadsheet.platform.KeptValue;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The comment policy in force: an administrator's, once saved, else the site's
 * {@code broadsheet.comments.*} settings. Read often, so kept in memory; a change applies at
 * once on this node and, through {@link CommentEvents.CommentPolicyChanged}, on every other.
 * A change made in a transaction is forgotten again when that transaction ends, so that a
 * policy read before its commit, or one rolled back, is not kept.
 */
@Service
public class CommentPolicies {

    private final CommentRepository repository;
    private final CommentSettings settings;
    private final ApplicationEventPublisher events;
    private final KeptValue<CommentPolicy> current;

    CommentPolicies(CommentRepository repository, CommentSettings settings, ApplicationEventPublisher events) {
        this.repository = repository;
        this.settings = settings;
        this.events = events;
        this.current = new KeptValue<>(
                settings.cacheTtl(), () -> repository.findPolicy().orElseGet(settings::policy));
    }

    public CommentPolicy current() {
        return current.get();
    }

    /** The policy from the site's configuration, before any administrator's change. */
    public CommentPolicy defaults() {
        return settings.policy();
    }

    /** Stores a new policy for every node; refused with every problem listed if a value is out of range. */
    public void update(CommentPolicy policy) {
        policy.validate();
        repository.savePolicy(policy); // in the caller's transaction, if any: forgotten again when it ends
        events.publishEvent(new CommentEvents.CommentPolicyChanged());
    }

    @EventListener({CommentEvents.CommentPolicyChanged.class, ClusterEventsResumed.class})
    void forget() {
        current.forget();
    }

    @TransactionalEventListener(
            phase = TransactionPhase.AFTER_COMPLETION,
            classes = CommentEvents.CommentPolicyChanged.class)
    void afterChangeCompleted() {
        current.forget();
    }
}
