package org.broadsheet.comment;

import java.sql.Timestamp;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** How many comments wait for a moderator, and since when the newest of them waits. */
@Component
record HeldComments(JdbcClient jdbc) {

    WaitingComments waiting() {
        return jdbc.sql("select count(*), max(created_at) from comment where status = 'pending'")
                .query((rs, n) -> new WaitingComments(
                        rs.getLong(1), Optional.ofNullable(rs.getTimestamp(2)).map(Timestamp::toInstant)))
                .single();
    }
}
