package org.broadsheet.article;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The keyset walk of public stories for machine-readable lists: ids in newest-first order. */
@Repository
class StoryListRepository {

    private final JdbcClient jdbc;

    StoryListRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Up to {@code limit} public stories matching {@code filter}, newest first, after {@code after}
     * (null: from the newest). Each condition is this class's own SQL; values are bound.
     */
    List<StoryKey> find(StoryFilter filter, StoryKey after, int limit) {
        Statement statement = statement(filter, after, limit);
        return jdbc.sql(statement.sql())
                .params(statement.params())
                .query((rs, n) -> new StoryKey(rs.getTimestamp("published_at").toInstant(), rs.getLong("id")))
                .list();
    }

    /** The query {@link #find} runs, and its values. */
    record Statement(String sql, Map<String, Object> params) {}

    Statement statement(StoryFilter filter, StoryKey after, int limit) {
        StringBuilder sql = new StringBuilder("select a.id, a.published_at from article a");
        List<String> where =
                new ArrayList<>(List.of("a.status = 'published'", "a.published_at <= statement_timestamp()"));
        var statement = new java.util.HashMap<String, Object>();
        if (filter.tagId() != null) {
            sql.append(" join article_tag t on t.article_id = a.id and t.tag_id = :tag");
            statement.put("tag", filter.tagId());
        }
        if (filter.authorId() != null) {
            sql.append(" join article_author w on w.article_id = a.id and w.author_id = :author");
            statement.put("author", filter.authorId());
        }
        condition(where, statement, "a.section_id = :section", "section", filter.sectionId());
        condition(where, statement, "a.published_at >= :since", "since", timestamp(filter.publishedSince()));
        condition(where, statement, "a.published_at < :before", "before", timestamp(filter.publishedBefore()));
        condition(
                where,
                statement,
                "greatest(a.published_at, a.updated_at) >= :modified",
                "modified",
                timestamp(filter.modifiedSince()));
        if (after != null) {
            where.add("(a.published_at, a.id) < (:afterAt, :afterId)");
            statement.put("afterAt", Timestamp.from(after.publishedAt()));
            statement.put("afterId", after.id());
        }
        sql.append(" where ").append(String.join(" and ", where));
        sql.append(" order by a.published_at desc, a.id desc limit :limit");
        statement.put("limit", limit);
        return new Statement(sql.toString(), statement);
    }

    private static void condition(
            List<String> where, java.util.Map<String, Object> statement, String sql, String name, Object value) {
        if (value != null) {
            where.add(sql);
            statement.put(name, value);
        }
    }

    private static Timestamp timestamp(java.time.Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
