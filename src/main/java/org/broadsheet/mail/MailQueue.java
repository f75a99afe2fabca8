package org.broadsheet.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.broadsheet.platform.ClusterLock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Where other packages hand over staff mail. A mail is a row written in the caller's
 * transaction: it exists only if what caused it committed, and a mail server that is down
 * delays it without losing it. Delivery happens after the commit, on a thread of its own, on
 * whichever node claims the row first. Thread-safe.
 * <pre>
 * &#64;Transactional
 * void invite(...) {
 *     ... // the account and its link
 *     if (mail.enabled()) mail.enqueue(new MailMessage("invitation", email, name, subject, text));
 * }
 * </pre>
 */
@Service
public class MailQueue {

    private final MailRepository repository;
    private final ObjectProvider<JavaMailSender> senders;
    private final ObjectProvider<MailDelivery> delivery;
    private final ClusterLock lock;
    private final Clock clock;

    MailQueue(
            MailRepository repository,
            ObjectProvider<JavaMailSender> senders,
            ObjectProvider<MailDelivery> delivery,
            ClusterLock lock,
            Clock clock) {
        this.repository = repository;
        this.senders = senders;
        this.delivery = delivery;
        this.lock = lock;
        this.clock = clock;
    }

    /** Whether mail is set up ({@code spring.mail.host}); when not, callers show their links on screen. */
    public boolean enabled() {
        return senders.getIfAvailable() != null;
    }

    /**
     * Queues {@code mail} in the caller's transaction.
     *
     * @throws IllegalStateException when mail is not {@link #enabled()}
     * @throws org.springframework.transaction.IllegalTransactionStateException outside a transaction
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void enqueue(MailMessage mail) {
        requireEnabled();
        repository.insert(mail, null, clock.instant());
        deliverAfterCommit();
    }

    /**
     * Queues {@code mail} on {@code topic} (one subject to one person: {@code moderation:12})
     * unless one was queued on it within {@code every}, or none of the news is newer than the
     * last one ({@code newsAt}: when the newest thing it tells of happened). Nodes asking at once
     * queue one between them. Returns whether it was queued.
     */
    @Transactional
    public boolean enqueueDigest(String topic, Duration every, Instant newsAt, MailMessage mail) {
        requireEnabled();
        lock.holdUntilTransactionEnds("broadsheet.mail." + topic);
        Instant now = clock.instant();
        Optional<Instant> last = repository.lastOfTopic(topic);
        if (last.isPresent() && (last.get().isAfter(now.minus(every)) || !newsAt.isAfter(last.get()))) {
            return false;
        }
        repository.insert(mail, topic, now);
        deliverAfterCommit();
        return true;
    }

    private void requireEnabled() {
        if (!enabled()) {
            throw new IllegalStateException("Mail is not set up (spring.mail.host)");
        }
    }

    private void deliverAfterCommit() {
        MailDelivery worker = delivery.getIfAvailable();
        if (worker != null && TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    worker.wake();
                }
            });
        }
    }
}
