package org.broadsheet.comment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for comments and the comment policy. */
@Repository
class CommentRepository {

    private static final String COLUMNS = """
            id, article_id, parent_id, depth, status, restore_status, author_name, author_email, author_url,
            staff, body, body_html, host(ip) as ip, user_agent, created_at, updated_at
            """;

    private static final String PUBLIC_COLUMNS =
            "id, parent_id, status, author_name, author_url, staff, body_html, created_at";

    private static final RowMapper<CommentRow> ROW = (rs, n) -> new CommentRow(
            rs.getLong("id"),
            rs.getLong("article_id"),
            (Long) rs.getObject("parent_id", Long.class),
            rs.getInt("depth"),
            CommentStatus.fromDb(rs.getString("status")),
            status(rs, "restore_status"),
            rs.getString("author_name"),
            rs.getString("author_email"),
            rs.getString("author_url"),
            rs.getBoolean("staff"),
            rs.getString("body"),
            rs.getString("body_html"),
            rs.getString("ip"),
            rs.getString("user_agent"),
            instant(rs, "created_at"),
            instant(rs, "updated_at"));

    private static final RowMapper<PublicComment> PUBLIC = (rs, n) -> new PublicComment(
            rs.getLong("id"),
            (Long) rs.getObject("parent_id", Long.class),
            CommentStatus.fromDb(rs.getString("status")),
            rs.getString("author_name"),
            rs.getString("author_url"),
            rs.getBoolean("staff"),
            rs.getString("body_html"),
            instant(rs, "created_at"));

    /** What one commenter (by IP address or by email) posted recently. */
    record Activity(long lastHour, Instant latest) {}

    private final JdbcClient jdbc;

    CommentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- reader pages

    /** The approved comments of an article, oldest first. */
    List<PublicComment> findApproved(long articleId) {
        return jdbc.sql("select " + PUBLIC_COLUMNS
                        + " from comment where article_id = ? and status = 'approved' order by id")
                .param(articleId)
                .query(PUBLIC)
                .list();
    }

    /** Of {@code ids}, the comments on this article still waiting (held, or in spam), oldest first. */
    List<PublicComment> findWaiting(long articleId, Collection<Long> ids) {
        return jdbc.sql("select " + PUBLIC_COLUMNS + " " + """
                        from comment where article_id = ? and id = any(?) and status in ('pending', 'spam') order by id""")
                .params(articleId, ids.toArray(Long[]::new))
                .query(PUBLIC)
                .list();
    }

    // ---- posting

    Optional<CommentRow> findById(long id) {
        return jdbc.sql("select " + COLUMNS + " from comment where id = ?")
                .param(id)
                .query(ROW)
                .optional();
    }

    /** The ancestor of {@code id} (or {@code id} itself) at {@code depth}. */
    long ancestorAt(long id, int depth) {
        return jdbc.sql("""
                        with recursive up as (
                            select id, parent_id, depth from comment where id = ?
                            union all
                            select c.id, c.parent_id, c.depth from comment c join up on c.id = up.parent_id)
                        select id from up where depth <= ? order by depth desc limit 1""").params(id, depth).query(Long.class).single();
    }

    /** Of {@code ids}, those that name an article, whatever its status (imports bring comments to drafts too). */
    Set<Long> existingArticles(Collection<Long> ids) {
        String sql = "select id from article where id = any(?)";
        return Set.copyOf(
                jdbc.sql(sql).param(ids.toArray(Long[]::new)).query(Long.class).list());
    }

    /**
     * The parent (null for none) of each comment readers do not see (held, spam or trash) among
     * {@code ids} and their ancestors, up to the first approved one: only the chains above replies
     * whose parent is hidden, not an article's whole moderation queue.
     */
    Map<Long, Long> hiddenAncestors(Collection<Long> ids) {
        Map<Long, Long> parents = new HashMap<>();
        jdbc.sql("""
                        with recursive up as (
                            select id, parent_id from comment where id = any(?) and status <> 'approved'
                            union
                            select p.id, p.parent_id from up
                              cross join lateral (select id, parent_id, status from comment where id = up.parent_id limit 1) p
                             where p.status <> 'approved')
                        select id, parent_id from up""")
                .param(ids.toArray(Long[]::new))
                .query((rs, n) -> parents.put(rs.getLong(1), (Long) rs.getObject(2, Long.class)))
                .list();
        return parents;
    }

    boolean hasApproved(String email) {
        return jdbc.sql(
                        "select exists (select 1 from comment where lower(author_email) = lower(?) and status = 'approved')")
                .param(email)
                .query(Boolean.class)
                .single();
    }

    Activity activityOfIp(String ip, Instant since) {
        return jdbc.sql("select count(*), max(created_at) from comment where ip = cast(? as inet) and created_at > ?")
                .params(ip, Timestamp.from(since))
                .query(ACTIVITY)
                .single();
    }

    Activity activityOfEmail(String email, Instant since) {
        return jdbc.sql(
                        "select count(*), max(created_at) from comment where lower(author_email) = lower(?) and created_at > ?")
                .params(email, Timestamp.from(since))
                .query(ACTIVITY)
                .single();
    }

    private static final RowMapper<Activity> ACTIVITY = (rs, n) -> new Activity(rs.getLong(1), instant(rs, 2));

    /** A comment by this email with the same text on this article that is not in the trash. */
    Optional<Long> findDuplicate(long articleId, String email, String text) {
        return jdbc.sql("""
                        select id from comment where article_id = ? and md5(body) = md5(?)
                        and lower(author_email) = lower(?) and status <> 'trash' limit 1""").params(articleId, text, email).query(Long.class).optional();
    }

    /** Serialises, until the transaction ends, every transaction that takes the same key. */
    void lock(String key) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext(?))")
                .param(key)
                .query((rs, n) -> 1)
                .list();
    }

    long insert(
            long articleId,
            Long parentId,
            int depth,
            CommentStatus status,
            String name,
            String email,
            String website,
            boolean staff,
            String text,
            String html,
            String ip,
            String userAgent,
            Instant at) {
        return jdbc.sql("""
                        insert into comment (article_id, parent_id, depth, status, author_name, author_email, author_url,
                                             staff, body, body_html, ip, user_agent, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as inet), ?, ?, ?) returning id""")
                .params(
                        articleId,
                        parentId,
                        depth,
                        status.db(),
                        name,
                        email,
                        website,
                        staff,
                        text,
                        html,
                        ip,
                        userAgent,
                        Timestamp.from(at),
                        Timestamp.from(at))
                .query(Long.class)
                .single();
    }

    // ---- moderation

    void setStatus(long id, CommentStatus status, CommentStatus restoreStatus, Instant at) {
        jdbc.sql("update comment set status = ?, restore_status = ?, updated_at = ? where id = ?")
                .params(status.db(), restoreStatus == null ? null : restoreStatus.db(), Timestamp.from(at), id)
                .update();
    }

    void update(long id, String name, String email, String website, String text, String html, Instant at) {
        jdbc.sql("""
                        update comment set author_name = ?, author_email = ?, author_url = ?, body = ?, body_html = ?,
                                           updated_at = ? where id = ?""")
                .params(name, email, website, text, html, Timestamp.from(at), id)
                .update();
    }

    /** Deletes a comment for good; its replies move up to its parent (or the top level). */
    void delete(long id) {
        jdbc.sql("""
                        with recursive below as (
                            select id from comment where parent_id = :id
                            union all
                            select c.id from comment c join below b on c.parent_id = b.id)
                        update comment set depth = greatest(depth - 1, 1) where id in (select id from below)""").param("id", id).update();
        jdbc.sql("update comment set parent_id = (select parent_id from comment where id = :id) where parent_id = :id")
                .param("id", id)
                .update();
        jdbc.sql("delete from comment where id = ?").param(id).update();
    }

    long countByStatus(CommentStatus status) {
        return jdbc.sql("select count(*) from comment where status = ?")
                .param(status.db())
                .query(Long.class)
                .single();
    }

    // ---- the moderation queue

    private static final String STAFF_FILTER = """
             where (cast(:status as text) is null or c.status = :status)
               and (cast(:q as text) is null or c.author_name ilike :q or c.author_email ilike :q or c.body ilike :q
                    or host(c.ip) ilike :q)""";

    private static final RowMapper<StaffComment> STAFF = (rs, n) ->
            new StaffComment(ROW.mapRow(rs, n), rs.getString("reply_to_name"), rs.getString("headline"), null);

    private static final String STAFF_SELECT = """
            select c.id, c.article_id, c.parent_id, c.depth, c.status, c.restore_status, c.author_name,
                   c.author_email, c.author_url, c.staff, c.body, c.body_html, host(c.ip) as ip, c.user_agent,
                   c.created_at, c.updated_at, p.author_name as reply_to_name, a.headline
              from comment c
              join article a on a.id = c.article_id
              left join comment p on p.id = c.parent_id
            """;

    /**
     * Comments for the moderation queue: held ones first, then newest first; {@code status}
     * null for every status, {@code likePattern} (an {@code ilike} pattern) null for no search.
     * The article URL is left null for the service to fill in.
     */
    List<StaffComment> findForStaff(CommentStatus status, String likePattern, int limit, long offset) {
        return jdbc.sql(STAFF_SELECT + STAFF_FILTER
                        + " order by (c.status = 'pending') desc, c.id desc limit :limit offset :offset")
                .param("status", status == null ? null : status.db())
                .param("q", likePattern)
                .param("limit", limit)
                .param("offset", offset)
                .query(STAFF)
                .list();
    }

    long countForStaff(CommentStatus status, String likePattern) {
        return jdbc.sql("select count(*) from comment c " + STAFF_FILTER)
                .param("status", status == null ? null : status.db())
                .param("q", likePattern)
                .query(Long.class)
                .single();
    }

    Optional<StaffComment> findForStaff(long id) {
        return jdbc.sql(STAFF_SELECT + " where c.id = ?").param(id).query(STAFF).optional();
    }

    /** How many comments have each status; statuses without any are left out. */
    Map<CommentStatus, Long> countEachStatus() {
        Map<CommentStatus, Long> counts = new EnumMap<>(CommentStatus.class);
        jdbc.sql("select status, count(*) from comment group by status")
                .query((rs, n) -> counts.put(CommentStatus.fromDb(rs.getString(1)), rs.getLong(2)))
                .list();
        return counts;
    }

    /** Of {@code ids}, those with no comment. */
    List<Long> findMissing(Collection<Long> ids) {
        return jdbc.sql("select x from unnest(?) as x where not exists (select 1 from comment where id = x) order by x")
                .param(ids.toArray(Long[]::new))
                .query(Long.class)
                .list();
    }

    /** Erases IP addresses and user agents of comments made before {@code before}; returns how many. */
    int erasePersonalData(Instant before) {
        return jdbc.sql("""
                        update comment set ip = null, user_agent = null
                        where created_at < ? and (ip is not null or user_agent is not null)""").param(Timestamp.from(before)).update();
    }

    // ---- the policy

    Optional<CommentPolicy> findPolicy() {
        return jdbc.sql("select * from comment_policy")
                .query((rs, n) -> new CommentPolicy(
                        Moderation.fromDb(rs.getString("moderation")),
                        rs.getInt("max_links"),
                        strings(rs, "moderation_words"),
                        strings(rs, "blocklist"),
                        Duration.ofSeconds(rs.getInt("min_form_seconds")),
                        Duration.ofSeconds(rs.getInt("flood_interval_seconds")),
                        rs.getInt("flood_per_hour"),
                        rs.getInt("close_after_days"),
                        rs.getInt("max_depth"),
                        rs.getInt("per_page"),
                        rs.getInt("retain_ip_days")))
                .optional();
    }

    void savePolicy(CommentPolicy p) {
        jdbc.sql("""
                        insert into comment_policy (moderation, max_links, moderation_words, blocklist, min_form_seconds,
                            flood_interval_seconds, flood_per_hour, close_after_days, max_depth, per_page, retain_ip_days)
                        values (:moderation, :maxLinks, :words, :blocklist, :minForm, :flood, :perHour, :close, :depth,
                                :perPage, :retain)
                        on conflict (id) do update set moderation = excluded.moderation, max_links = excluded.max_links,
                            moderation_words = excluded.moderation_words, blocklist = excluded.blocklist,
                            min_form_seconds = excluded.min_form_seconds,
                            flood_interval_seconds = excluded.flood_interval_seconds,
                            flood_per_hour = excluded.flood_per_hour, close_after_days = excluded.close_after_days,
                            max_depth = excluded.max_depth, per_page = excluded.per_page,
                            retain_ip_days = excluded.retain_ip_days, updated_at = now()""")
                .param("moderation", p.moderation().db())
                .param("maxLinks", p.maxLinks())
                .param("words", p.moderationWords().toArray(String[]::new))
                .param("blocklist", p.blocklist().toArray(String[]::new))
                .param("minForm", (int) p.minFormTime().toSeconds())
                .param("flood", (int) p.floodInterval().toSeconds())
                .param("perHour", p.floodPerHour())
                .param("close", p.closeAfterDays())
                .param("depth", p.maxDepth())
                .param("perPage", p.perPage())
                .param("retain", p.retainIpDays())
                .update();
    }

    private static List<String> strings(ResultSet rs, String column) throws SQLException {
        return Arrays.asList((String[]) rs.getArray(column).getArray());
    }

    private static CommentStatus status(ResultSet rs, String column) throws SQLException {
        String value = rs.getString(column);
        return value == null ? null : CommentStatus.fromDb(value);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
