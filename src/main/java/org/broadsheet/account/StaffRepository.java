package org.broadsheet.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Staff users, their one-time links and their sign-in attempts. */
@Repository
class StaffRepository {

    /** What sign-in needs: the account and its password hash. */
    record Credentials(StaffAccount account, String passwordHash, Instant passwordChangedAt) {}

    private static final String COLUMNS = """
            id, email, name, role, author_id, enabled, created_at, password_hash, password_changed_at
            """;

    private final JdbcClient jdbc;

    StaffRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String email, String name, Role role, Long authorId, String passwordHash, Instant now) {
        return jdbc.sql("""
                        insert into staff_user (email, name, role, author_id, password_hash, created_at, password_changed_at)
                        values (:email, :name, :role, :author, :hash, :now, :now)
                        returning id
                        """)
                .param("email", email)
                .param("name", name)
                .param("role", role.key())
                .param("author", authorId)
                .param("hash", passwordHash)
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .single();
    }

    Optional<Credentials> findByEmail(String email) {
        return jdbc.sql("select " + COLUMNS + " from staff_user where lower(email) = lower(:email)")
                .param("email", email)
                .query(StaffRepository::credentials)
                .optional();
    }

    Optional<Credentials> findById(long id) {
        return jdbc.sql("select " + COLUMNS + " from staff_user where id = :id")
                .param("id", id)
                .query(StaffRepository::credentials)
                .optional();
    }

    boolean emailTaken(String email, Long except) {
        return jdbc.sql("select exists (select 1 from staff_user where lower(email) = lower(:email) and id <> :except)")
                .param("email", email)
                .param("except", except == null ? -1L : except)
                .query(Boolean.class)
                .single();
    }

    List<StaffAccount> list() {
        return jdbc.sql("select " + COLUMNS + " from staff_user order by lower(name), id")
                .query((rs, n) -> credentials(rs, n).account())
                .list();
    }

    long count() {
        return jdbc.sql("select count(*) from staff_user").query(Long.class).single();
    }

    long countEnabledAdministrators() {
        return jdbc.sql("select count(*) from staff_user where role = 'administrator' and enabled")
                .query(Long.class)
                .single();
    }

    void updatePassword(long id, String hash, Instant now) {
        jdbc.sql("update staff_user set password_hash = :hash, password_changed_at = :now where id = :id")
                .param("hash", hash)
                .param("now", Timestamp.from(now))
                .param("id", id)
                .update();
    }

    void updateProfile(long id, String email, String name, Role role, Long authorId, boolean enabled) {
        jdbc.sql("""
                        update staff_user set email = :email, name = :name, role = :role, author_id = :author,
                               enabled = :enabled
                        where id = :id
                        """)
                .param("email", email)
                .param("name", name)
                .param("role", role.key())
                .param("author", authorId)
                .param("enabled", enabled)
                .param("id", id)
                .update();
    }

    /** Serialises changes to who is an administrator, so two demotions can't leave none. */
    void lockStaffTable() {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('staff_user'))").query().singleRow();
    }

    // ---- one-time links

    void insertToken(String hash, String purpose, Long staffId, Instant now, Instant expires) {
        jdbc.sql("""
                        insert into staff_token (token_hash, purpose, staff_id, created_at, expires_at)
                        values (:hash, :purpose, :staff, :now, :expires)
                        """)
                .param("hash", hash)
                .param("purpose", purpose)
                .param("staff", staffId)
                .param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(expires))
                .update();
    }

    /** A link that is unused and unexpired, as (purpose, staff id); locked until the transaction ends. */
    record Token(String purpose, Long staffId) {}

    Optional<Token> findUsableToken(String hash, Instant now) {
        return jdbc.sql("""
                        select purpose, staff_id from staff_token
                        where token_hash = :hash and used_at is null and expires_at > :now
                        for update
                        """)
                .param("hash", hash)
                .param("now", Timestamp.from(now))
                .query((rs, n) -> new Token(rs.getString("purpose"), (Long) rs.getObject("staff_id")))
                .optional();
    }

    void markTokenUsed(String hash, Instant now) {
        jdbc.sql("update staff_token set used_at = :now where token_hash = :hash")
                .param("now", Timestamp.from(now))
                .param("hash", hash)
                .update();
    }

    /** Earlier unused links of the same kind stop working when a new one is made. */
    void retireTokens(String purpose, Long staffId, Instant now) {
        jdbc.sql("""
                        update staff_token set used_at = :now
                        where purpose = :purpose and staff_id is not distinct from :staff and used_at is null
                        """)
                .param("now", Timestamp.from(now))
                .param("purpose", purpose)
                .param("staff", staffId)
                .update();
    }

    void retireSetupTokensMadeBefore(Instant before, Instant now) {
        jdbc.sql("""
                        update staff_token set used_at = :now
                        where purpose = 'setup' and used_at is null and created_at < :before
                        """)
                .param("now", Timestamp.from(now))
                .param("before", Timestamp.from(before))
                .update();
    }

    // ---- sign-in attempts

    void recordAttempt(String email, String ip, boolean succeeded, Instant at) {
        jdbc.sql("insert into sign_in_attempt (email, ip, at, succeeded) values (:email, :ip, :at, :ok)")
                .param("email", email)
                .param("ip", ip)
                .param("at", Timestamp.from(at))
                .param("ok", succeeded)
                .update();
    }

    /**
     * Failed attempts for this email since {@code since} that came after its last success, the
     * oldest of them first: their times say when the lock lifts.
     */
    List<Instant> recentFailuresForEmail(String email, Instant since) {
        return jdbc.sql("""
                        select at from sign_in_attempt f
                        where lower(f.email) = lower(:email) and not f.succeeded and f.at > :since
                          and not exists (select 1 from sign_in_attempt s
                                          where lower(s.email) = lower(:email) and s.succeeded and s.at > f.at)
                        order by at
                        """)
                .param("email", email)
                .param("since", Timestamp.from(since))
                .query((rs, n) -> rs.getTimestamp(1).toInstant())
                .list();
    }

    List<Instant> recentFailuresForIp(String ip, Instant since) {
        return jdbc.sql("select at from sign_in_attempt where ip = :ip and not succeeded and at > :since order by at")
                .param("ip", ip)
                .param("since", Timestamp.from(since))
                .query((rs, n) -> rs.getTimestamp(1).toInstant())
                .list();
    }

    int deleteAttemptsBefore(Instant before) {
        return jdbc.sql("delete from sign_in_attempt where at < :before")
                .param("before", Timestamp.from(before))
                .update();
    }

    private static Credentials credentials(ResultSet rs, int n) throws SQLException {
        StaffAccount account = new StaffAccount(
                rs.getLong("id"),
                rs.getString("email"),
                rs.getString("name"),
                Role.fromKey(rs.getString("role")),
                (Long) rs.getObject("author_id"),
                rs.getBoolean("enabled"),
                rs.getTimestamp("created_at").toInstant());
        return new Credentials(
                account,
                rs.getString("password_hash"),
                rs.getTimestamp("password_changed_at").toInstant());
    }
}
