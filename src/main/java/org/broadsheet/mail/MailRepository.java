package org.broadsheet.mail;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code mail_queue} table. */
@Component
record MailRepository(JdbcClient jdbc) {

    /** A mail claimed for sending: its row stays locked until the claiming transaction ends. */
    record Queued(long id, String kind, String to, String toName, String subject, String body, int attempts) {}

    long insert(MailMessage mail, @Nullable String topic, Instant now) {
        return jdbc.sql("""
                        insert into mail_queue (kind, recipient, recipient_name, subject, body, topic, created_at, next_attempt_at)
                        values (:kind, :to, :name, :subject, :body, :topic, :now, :now)
                        returning id
                        """)
                .param("kind", mail.kind())
                .param("to", mail.to())
                .param("name", mail.toName())
                .param("subject", mail.subject())
                .param("body", mail.body())
                .param("topic", topic)
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .single();
    }

    /** When the newest mail on {@code topic} was queued. */
    Optional<Instant> lastOfTopic(String topic) {
        return jdbc.sql("select max(created_at) from mail_queue where topic = :topic")
                .param("topic", topic)
                .query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant))
                .single();
    }

    /**
     * The oldest due mail that no other transaction holds, locked until this transaction ends:
     * another node (or thread) asking at the same time skips it and takes the next.
     */
    Optional<Queued> claimDue(Instant now) {
        return jdbc.sql("""
                        select id, kind, recipient, recipient_name, subject, body, attempts from mail_queue
                        where status = 'waiting' and next_attempt_at <= :now
                        order by next_attempt_at, id
                        limit 1
                        for update skip locked
                        """)
                .param("now", Timestamp.from(now))
                .query((rs, n) -> new Queued(
                        rs.getLong("id"),
                        rs.getString("kind"),
                        rs.getString("recipient"),
                        rs.getString("recipient_name"),
                        rs.getString("subject"),
                        rs.getString("body"),
                        rs.getInt("attempts")))
                .optional();
    }

    void markSent(long id, int attempts, Instant now) {
        jdbc.sql("""
                        update mail_queue set status = 'sent', sent_at = :now, attempts = :attempts,
                            body = null, last_error = null
                        where id = :id
                        """)
                .param("id", id)
                .param("attempts", attempts)
                .param("now", Timestamp.from(now))
                .update();
    }

    void retryLater(long id, int attempts, Instant next, String error) {
        jdbc.sql(
                        "update mail_queue set attempts = :attempts, next_attempt_at = :next, last_error = :error where id = :id")
                .param("id", id)
                .param("attempts", attempts)
                .param("next", Timestamp.from(next))
                .param("error", error)
                .update();
    }

    void markFailed(long id, int attempts, String error) {
        jdbc.sql("""
                        update mail_queue set status = 'failed', attempts = :attempts, last_error = :error, body = null
                        where id = :id
                        """)
                .param("id", id)
                .param("attempts", attempts)
                .param("error", error)
                .update();
    }

    /** Forgets the records of mail sent or given up on before {@code before}. */
    int deleteDoneBefore(Instant before) {
        return jdbc.sql("delete from mail_queue where status <> 'waiting' and created_at < :before")
                .param("before", Timestamp.from(before))
                .update();
    }
}
