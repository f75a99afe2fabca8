package org.broadsheet.comment;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the newest approved comments, which feeds list: public columns only, on public articles only. */
@Repository
class ApprovedCommentRepository {

    /** An approved comment with what its article's permalink is made of. */
    record Row(
            long id,
            long articleId,
            String headline,
            String articleSlug,
            String sectionSlug,
            Instant publishedAt,
            String name,
            String website,
            boolean staff,
            String html,
            Instant createdAt) {}

    private static final String SELECT = """
            select c.id, c.article_id, a.headline, a.slug as article_slug, s.slug as section_slug, a.published_at,
                   c.author_name, c.author_url, c.staff, c.body_html, c.created_at
              from comment c
              join article a on a.id = c.article_id
              join section s on s.id = a.section_id
             where c.status = 'approved' and a.status = 'published' and a.published_at <= statement_timestamp()
            """;

    private static final RowMapper<Row> ROW = (rs, n) -> new Row(
            rs.getLong("id"),
            rs.getLong("article_id"),
            rs.getString("headline"),
            rs.getString("article_slug"),
            rs.getString("section_slug"),
            rs.getTimestamp("published_at").toInstant(),
            rs.getString("author_name"),
            rs.getString("author_url"),
            rs.getBoolean("staff"),
            rs.getString("body_html"),
            rs.getTimestamp("created_at").toInstant());

    private final JdbcClient jdbc;

    ApprovedCommentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The newest approved comments on any public article, newest first (the status index, read backwards). */
    List<Row> findNewest(int limit) {
        return jdbc.sql(SELECT + " order by c.id desc limit ?")
                .param(limit)
                .query(ROW)
                .list();
    }

    /** The newest approved comments of one article, newest first; none when the article is not public. */
    List<Row> findNewestOn(long articleId, int limit) {
        return findOlderOn(articleId, Long.MAX_VALUE, limit);
    }

    /**
     * The newest approved comments of one article older than comment {@code beforeId} (a keyset:
     * one walk of {@code comment_article_approved_idx} however deep the page), newest first.
     */
    List<Row> findOlderOn(long articleId, long beforeId, int limit) {
        return jdbc.sql(SELECT + " and c.article_id = ? and c.id < ? order by c.id desc limit ?")
                .params(articleId, beforeId, limit)
                .query(ROW)
                .list();
    }
}
