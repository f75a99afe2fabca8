package org.broadsheet.account;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** API tokens (only their hashes), joined with their owners for each request. */
@Component
record ApiTokenRepository(JdbcClient jdbc) {

    /** An unrevoked token of an enabled account, with its owner as they are now. */
    record Holder(long tokenId, Staff staff, Instant lastUsedAt) {}

    long insert(long staffId, String name, String hash, Instant now) {
        return jdbc.sql("""
                        insert into api_token (staff_id, name, token_hash, created_at)
                        values (:staff, :name, :hash, :now) returning id
                        """)
                .param("staff", staffId)
                .param("name", name)
                .param("hash", hash)
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .single();
    }

    List<ApiTokens.Summary> forStaff(long staffId) {
        return jdbc.sql("""
                        select id, name, created_at, last_used_at from api_token
                        where staff_id = :staff and revoked_at is null order by created_at desc, id desc
                        """)
                .param("staff", staffId)
                .query((rs, n) -> new ApiTokens.Summary(
                        rs.getLong("id"),
                        rs.getString("name"),
                        rs.getTimestamp("created_at").toInstant(),
                        instant(rs.getTimestamp("last_used_at"))))
                .list();
    }

    int revoke(long staffId, long tokenId, Instant now) {
        return jdbc.sql("""
                        update api_token set revoked_at = :now
                        where id = :id and staff_id = :staff and revoked_at is null
                        """)
                .param("now", Timestamp.from(now))
                .param("id", tokenId)
                .param("staff", staffId)
                .update();
    }

    Optional<Holder> holder(String hash) {
        return jdbc.sql("""
                        select t.id as token_id, t.last_used_at, s.id, s.email, s.name, s.role, s.author_id
                        from api_token t join staff_user s on s.id = t.staff_id
                        where t.token_hash = :hash and t.revoked_at is null and s.enabled
                        """)
                .param("hash", hash)
                .query((rs, n) -> new Holder(
                        rs.getLong("token_id"),
                        new Staff(
                                rs.getLong("id"),
                                rs.getString("email"),
                                rs.getString("name"),
                                Role.fromKey(rs.getString("role")),
                                (Long) rs.getObject("author_id")),
                        instant(rs.getTimestamp("last_used_at"))))
                .optional();
    }

    /** Records a use, unless one was recorded since {@code notBefore} (two nodes may race: one wins). */
    void touch(long tokenId, Instant now, Instant notBefore) {
        jdbc.sql("""
                        update api_token set last_used_at = :now
                        where id = :id and (last_used_at is null or last_used_at < :before)
                        """)
                .param("now", Timestamp.from(now))
                .param("id", tokenId)
                .param("before", Timestamp.from(notBefore))
                .update();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
