package org.broadsheet.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.SmartLifecycle;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands queued mail to the SMTP server, on one thread per node: every {@code poll-interval},
 * and as soon as a transaction that queued mail on this node commits. Each mail is claimed
 * with {@code FOR UPDATE SKIP LOCKED} and sent while its row stays locked, then marked sent in
 * the same transaction, so two nodes never send one mail. A failure leaves it waiting, with
 * the error and the next try ({@link MailSettings#backoff}); after {@code max-attempts}, or at
 * once for a mail that cannot be written (a bad address), it is marked failed. A round stops
 * at its first failure: a server that is down is not asked again for every waiting mail.
 *
 * <p>If a node dies after the server took a mail and before the commit, the row is unlocked
 * and the mail is sent again: delivery is exactly once except across such a crash, where it
 * is at least once. Stopping lets a send under way finish (up to 30 s) and starts no other.
 */
@Component
@ConditionalOnWebApplication // the site sends; a command such as create-admin does not
class MailDelivery implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);
    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>\"]+@[^\\s<>\"]+");
    private static final Duration PURGE_EVERY = Duration.ofHours(1);

    enum Outcome {
        NONE_DUE,
        SENT,
        FAILED
    }

    private final MailRepository repository;
    private final ObjectProvider<JavaMailSender> senders;
    private final MailSettings settings;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    private volatile @Nullable ScheduledExecutorService worker;
    private volatile boolean stopping;
    private volatile Instant lastPurge = Instant.EPOCH;

    MailDelivery(
            MailRepository repository,
            ObjectProvider<JavaMailSender> senders,
            MailSettings settings,
            TransactionTemplate transactions,
            Clock clock) {
        this.repository = repository;
        this.senders = senders;
        this.settings = settings;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Asks for a round soon (after a commit that queued mail), unless one is already waiting. */
    void wake() {
        ScheduledExecutorService current = worker;
        if (current != null && !stopping && wakeQueued.compareAndSet(false, true)) {
            current.execute(() -> {
                wakeQueued.set(false);
                round();
            });
        }
    }

    /** Sends due mail until none is due, {@code batch-size} are sent, or one fails; returns how many were sent. */
    int sendDue() {
        int sent = 0;
        while (sent < settings.batchSize() && !stopping) {
            Outcome outcome = deliverOne();
            if (outcome != Outcome.SENT) {
                break;
            }
            sent++;
        }
        return sent;
    }

    /** Claims the oldest due mail, sends it and records how that went, in one transaction. */
    Outcome deliverOne() {
        JavaMailSender sender = senders.getObject();
        Outcome outcome = transactions.execute(tx -> repository
                .claimDue(clock.instant())
                .map(mail -> send(sender, mail))
                .orElse(Outcome.NONE_DUE));
        return outcome == null ? Outcome.NONE_DUE : outcome;
    }

    private Outcome send(JavaMailSender sender, MailRepository.Queued mail) {
        int attempts = mail.attempts() + 1;
        try {
            sender.send(mime(sender, mail));
            repository.markSent(mail.id(), attempts, clock.instant());
            return Outcome.SENT;
        } catch (MessagingException | UnsupportedEncodingException | MailParseException | MailPreparationException e) {
            giveUp(mail, attempts, e);
        } catch (MailException e) {
            if (attempts >= settings.maxAttempts()) {
                giveUp(mail, attempts, e);
            } else {
                Instant next = clock.instant().plus(settings.backoff(attempts));
                repository.retryLater(mail.id(), attempts, next, describe(e));
                log.warn(
                        "Mail {} ({}) not sent, try {} of {}; next try at {}: {}",
                        mail.id(),
                        mail.kind(),
                        attempts,
                        settings.maxAttempts(),
                        next,
                        withoutAddresses(describe(e)));
            }
        }
        return Outcome.FAILED;
    }

    private void giveUp(MailRepository.Queued mail, int attempts, Exception e) {
        repository.markFailed(mail.id(), attempts, describe(e));
        log.error(
                "Mail {} ({}) given up after {} tries: {}",
                mail.id(),
                mail.kind(),
                attempts,
                withoutAddresses(describe(e)));
    }

    private MimeMessage mime(JavaMailSender sender, MailRepository.Queued mail)
            throws MessagingException, UnsupportedEncodingException {
        MimeMessage mime = sender.createMimeMessage();
        MimeMessageHelper message = new MimeMessageHelper(mime, false, "UTF-8");
        message.setFrom(address(settings.from(), settings.fromName()));
        message.setTo(address(mail.to(), mail.toName()));
        message.setSubject(MailHeaders.oneLine(mail.subject()));
        message.setText(mail.body() == null ? "" : mail.body(), false);
        mime.setHeader("Auto-Submitted", "auto-generated");
        return mime;
    }

    /** One checked address; the name, made one line first, is quoted or encoded by Jakarta Mail. */
    private static InternetAddress address(String email, String name)
            throws MessagingException, UnsupportedEncodingException {
        String shown = MailHeaders.oneLine(name);
        InternetAddress address = new InternetAddress(email, shown.isEmpty() ? null : shown, "UTF-8");
        address.validate();
        if (!address.getAddress().equals(email)) {
            throw new MessagingException("Not a single plain address");
        }
        return address;
    }

    private static String describe(Exception e) {
        String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return text.length() > 1000 ? text.substring(0, 1000) : text;
    }

    /** Server replies may quote the recipient; logs carry no address. */
    static String withoutAddresses(String text) {
        return ADDRESS.matcher(text).replaceAll("<address>");
    }

    private void round() {
        try {
            sendDue();
            Instant now = clock.instant();
            if (lastPurge.plus(PURGE_EVERY).isBefore(now)) {
                lastPurge = now;
                transactions.executeWithoutResult(tx -> repository.deleteDoneBefore(now.minus(settings.keep())));
            }
        } catch (RuntimeException e) {
            log.warn("Mail delivery round failed; the next one tries again", e);
        }
    }

    @Override
    public synchronized void start() {
        if (senders.getIfAvailable() == null || worker != null) {
            return;
        }
        try {
            address(settings.from(), settings.fromName());
        } catch (MessagingException | UnsupportedEncodingException e) {
            // Every mail would fail on it: say so at start, not mail by mail.
            throw new IllegalStateException("broadsheet.mail.from is not one plain address: " + e.getMessage(), e);
        }
        stopping = false;
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "broadsheet:mail-delivery");
            thread.setDaemon(true);
            return thread;
        });
        long every = settings.pollInterval().toMillis();
        started.scheduleWithFixedDelay(this::round, every, every, TimeUnit.MILLISECONDS);
        worker = started;
        wake(); // mail left waiting by an earlier run
    }

    /** Lets a send under way finish and starts no other, before the connection pool closes. */
    @Override
    public synchronized void stop() {
        ScheduledExecutorService current = worker;
        if (current == null) {
            return;
        }
        stopping = true;
        current.shutdown();
        try {
            if (!current.awaitTermination(30, TimeUnit.SECONDS)) {
                log.warn("Mail delivery did not stop within 30 s; waiting mail is sent after the next start");
                current.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        worker = null;
    }

    @Override
    public boolean isRunning() {
        return worker != null;
    }
}
