package org.broadsheet.article;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The newsroom's side of articles: ownership, versions, and the lists staff work from. Reader
 * queries stay in {@link ArticleRepository}; nothing here is read by a reader page.
 */
@Repository
class WorkflowRepository {

    /** An article in a newsroom list, before dates and URLs are made for people. */
    record ListedRow(
            long id,
            String slug,
            String headline,
            ArticleStatus status,
            String sectionSlug,
            String sectionName,
            List<String> authorNames,
            Long createdBy,
            String createdByName,
            Instant publishedAt,
            Instant updatedAt,
            int version,
            boolean visible) {}

    /** Who owns an article and which version of it is current. */
    record Ownership(Long createdBy, int version) {}

    private static final String LISTED_COLUMNS = """
            select a.id, a.slug, a.headline, a.status, s.slug as section_slug, s.name as section_name,
                   array(select au.name from article_author aa join author au on au.id = aa.author_id
                          where aa.article_id = a.id order by aa.position) as author_names,
                   a.created_by, u.name as created_by_name, a.published_at, a.updated_at, a.version,
                   (a.status = 'published' and a.published_at <= statement_timestamp()) as visible
              from article a
              join section s on s.id = a.section_id
              left join staff_user u on u.id = a.created_by
            """;

    private final JdbcClient jdbc;

    WorkflowRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- ownership and versions

    Optional<Ownership> ownership(long id) {
        return jdbc.sql("select created_by, version from article where id = ?")
                .param(id)
                .query((rs, n) -> new Ownership((Long) rs.getObject("created_by"), rs.getInt("version")))
                .optional();
    }

    /** The current version, with the article's row locked until the transaction ends; empty for an unknown id. */
    Optional<Integer> lockVersion(long id) {
        return jdbc.sql("select version from article where id = ? for update")
                .param(id)
                .query(Integer.class)
                .optional();
    }

    /** Counts one more version; returns it. Call with the row locked ({@link #lockVersion}). */
    /** The status, with the article's row locked until the transaction ends; empty for an unknown id. */
    Optional<ArticleStatus> lockStatus(long id) {
        return jdbc.sql("select status from article where id = ? for update")
                .param(id)
                .query(String.class)
                .optional()
                .map(ArticleStatus::fromDb);
    }

    int nextVersion(long id) {
        return jdbc.sql("update article set version = version + 1 where id = ? returning version")
                .param(id)
                .query(Integer.class)
                .single();
    }

    void setCreatedBy(long id, long staffId) {
        jdbc.sql("update article set created_by = ? where id = ?")
                .params(staffId, id)
                .update();
    }

    /** Moves updated_at forward to {@code at}, never back. */
    void touch(long id, Instant at) {
        jdbc.sql("update article set updated_at = greatest(updated_at, ?) where id = ?")
                .params(Timestamp.from(at), id)
                .update();
    }

    // ---- lists

    Optional<ListedRow> findListed(long id) {
        return jdbc.sql(LISTED_COLUMNS + " where a.id = ?")
                .param(id)
                .query(WorkflowRepository::listed)
                .optional();
    }

    /** A page of {@link #filter}'s matches, most recently changed first. */
    List<ListedRow> find(ArticleFilter filter, int limit, long offset) {
        Map<String, Object> params = new HashMap<>();
        String where = where(filter, params);
        params.put("limit", limit);
        params.put("offset", offset);
        return jdbc.sql(LISTED_COLUMNS + where + " order by a.updated_at desc, a.id desc limit :limit offset :offset")
                .params(params)
                .query(WorkflowRepository::listed)
                .list();
    }

    long count(ArticleFilter filter) {
        Map<String, Object> params = new HashMap<>();
        String where = where(filter, params);
        return jdbc.sql("select count(*) from article a join section s on s.id = a.section_id" + where)
                .params(params)
                .query(Long.class)
                .single();
    }

    private static String where(ArticleFilter filter, Map<String, Object> params) {
        List<String> conditions = new ArrayList<>();
        if (filter.status() != null) {
            conditions.add("a.status = :status");
            params.put("status", filter.status().db());
        }
        if (present(filter.section())) {
            conditions.add("s.slug = :section");
            params.put("section", filter.section().strip());
        }
        if (present(filter.author())) {
            conditions.add("""
                    exists (select 1 from article_author aa join author au on au.id = aa.author_id
                             where aa.article_id = a.id and au.slug = :author)""");
            params.put("author", filter.author().strip());
        }
        if (present(filter.text())) {
            conditions.add("(a.headline ilike :text or a.standfirst ilike :text or a.slug ilike :text)");
            params.put("text", contains(filter.text()));
        }
        if (filter.createdBy() != null) {
            conditions.add("a.created_by = :createdBy");
            params.put("createdBy", filter.createdBy());
        }
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    /** One person's articles in one status, most recently changed first. */
    List<ListedRow> findOwned(long staffId, ArticleStatus status, int limit) {
        return jdbc.sql(LISTED_COLUMNS + """
                         where a.created_by = ? and a.status = ?
                         order by a.updated_at desc, a.id desc limit ?""")
                .params(staffId, status.db(), limit)
                .query(WorkflowRepository::listed)
                .list();
    }

    /** Articles waiting for review, the longest waiting first. */
    List<ListedRow> findInReview(int limit) {
        return jdbc.sql(LISTED_COLUMNS + " where a.status = 'in_review' order by a.updated_at, a.id limit ?")
                .param(limit)
                .query(WorkflowRepository::listed)
                .list();
    }

    /** Scheduled articles, the soonest first. */
    List<ListedRow> findScheduled(int limit) {
        return jdbc.sql(LISTED_COLUMNS + " where a.status = 'scheduled' order by a.published_at, a.id limit ?")
                .param(limit)
                .query(WorkflowRepository::listed)
                .list();
    }

    /** Public articles, the newest first. */
    List<ListedRow> findRecentlyPublished(int limit) {
        return jdbc.sql(LISTED_COLUMNS + """
                         where a.status = 'published' and a.published_at <= statement_timestamp()
                         order by a.published_at desc, a.id desc limit ?""")
                .param(limit)
                .query(WorkflowRepository::listed)
                .list();
    }

    /** Articles whose headline or slug holds {@code text}: public ones first, then the newest. */
    List<ListedRow> lookup(String text, int limit) {
        return jdbc.sql(LISTED_COLUMNS + """
                         where a.headline ilike :text or a.slug ilike :text
                         order by (a.status = 'published') desc, coalesce(a.published_at, a.updated_at) desc, a.id desc
                         limit :limit""")
                .param("text", contains(text))
                .param("limit", limit)
                .query(WorkflowRepository::listed)
                .list();
    }

    // ---- helpers

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    /** An ILIKE pattern matching {@code text} anywhere, its own wildcards taken literally. */
    private static String contains(String text) {
        return "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static ListedRow listed(ResultSet rs, int n) throws SQLException {
        java.sql.Array names = rs.getArray("author_names");
        Timestamp published = rs.getTimestamp("published_at");
        return new ListedRow(
                rs.getLong("id"),
                rs.getString("slug"),
                rs.getString("headline"),
                ArticleStatus.fromDb(rs.getString("status")),
                rs.getString("section_slug"),
                rs.getString("section_name"),
                names == null ? List.of() : Arrays.asList((String[]) names.getArray()),
                (Long) rs.getObject("created_by"),
                rs.getString("created_by_name"),
                published == null ? null : published.toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getInt("version"),
                rs.getBoolean("visible"));
    }
}
