package org.broadsheet.article;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Revisions and autosaves of articles, and autosaves of new articles not saved yet. Contents
 * are {@link ArticleForm}s as JSON ({@link Revisions}).
 */
@Repository
class RevisionRepository {

    /** A revision as stored; {@code content} is null when only the list was asked for. */
    record RevisionRow(
            int number,
            Instant at,
            Long staffId,
            String staffName,
            RevisionKind kind,
            Integer restoredFrom,
            List<String> changes,
            String headline,
            String content) {}

    record AutosaveRow(Instant savedAt, int baseVersion, String content) {}

    private static final String COLUMNS = """
            r.number, r.created_at, r.staff_id, u.name as staff_name, r.kind, r.restored_from, r.changes,
            r.content ->> 'headline' as headline""";

    private final JdbcClient jdbc;

    RevisionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(
            long articleId,
            int number,
            Instant at,
            Long staffId,
            RevisionKind kind,
            Integer restoredFrom,
            List<String> changes,
            String content) {
        jdbc.sql("""
                        insert into article_revision (article_id, number, created_at, staff_id, kind, restored_from,
                                                      changes, content)
                        values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))""")
                .params(
                        articleId,
                        number,
                        Timestamp.from(at),
                        staffId,
                        kind.db(),
                        restoredFrom,
                        changes.toArray(String[]::new),
                        content)
                .update();
    }

    /** Newest first. */
    List<RevisionRow> list(long articleId) {
        return jdbc.sql("select " + COLUMNS + """
                        , null as content
                          from article_revision r left join staff_user u on u.id = r.staff_id
                         where r.article_id = ? order by r.number desc""")
                .param(articleId)
                .query(RevisionRepository::revision)
                .list();
    }

    Optional<RevisionRow> find(long articleId, int number) {
        return jdbc.sql("select " + COLUMNS + """
                        , r.content::text as content
                          from article_revision r left join staff_user u on u.id = r.staff_id
                         where r.article_id = ? and r.number = ?""")
                .params(articleId, number)
                .query(RevisionRepository::revision)
                .optional();
    }

    // ---- autosaves

    void saveAutosave(long articleId, long staffId, Instant at, int baseVersion, String content) {
        jdbc.sql("""
                        insert into article_autosave (article_id, staff_id, saved_at, base_version, content)
                        values (?, ?, ?, ?, cast(? as jsonb))
                        on conflict (article_id, staff_id) do update
                           set saved_at = excluded.saved_at, base_version = excluded.base_version,
                               content = excluded.content""")
                .params(articleId, staffId, Timestamp.from(at), baseVersion, content)
                .update();
    }

    Optional<AutosaveRow> findAutosave(long articleId, long staffId) {
        return jdbc.sql("""
                        select saved_at, base_version, content::text as content from article_autosave
                         where article_id = ? and staff_id = ?""")
                .params(articleId, staffId)
                .query((rs, n) -> new AutosaveRow(
                        rs.getTimestamp("saved_at").toInstant(), rs.getInt("base_version"), rs.getString("content")))
                .optional();
    }

    void deleteAutosave(long articleId, long staffId) {
        jdbc.sql("delete from article_autosave where article_id = ? and staff_id = ?")
                .params(articleId, staffId)
                .update();
    }

    // ---- autosaves of new articles (not saved yet): one per person

    void saveNewAutosave(long staffId, Instant at, String content) {
        jdbc.sql("""
                        insert into article_new_autosave (staff_id, saved_at, content)
                        values (?, ?, cast(? as jsonb))
                        on conflict (staff_id) do update
                           set saved_at = excluded.saved_at, content = excluded.content""").params(staffId, Timestamp.from(at), content).update();
    }

    /** The new article's autosave; its base version is 0 (there is no article yet). */
    Optional<AutosaveRow> findNewAutosave(long staffId) {
        return jdbc.sql("select saved_at, content::text as content from article_new_autosave where staff_id = ?")
                .param(staffId)
                .query((rs, n) -> new AutosaveRow(rs.getTimestamp("saved_at").toInstant(), 0, rs.getString("content")))
                .optional();
    }

    void deleteNewAutosave(long staffId) {
        jdbc.sql("delete from article_new_autosave where staff_id = ?")
                .param(staffId)
                .update();
    }

    private static RevisionRow revision(ResultSet rs, int n) throws SQLException {
        java.sql.Array changes = rs.getArray("changes");
        return new RevisionRow(
                rs.getInt("number"),
                rs.getTimestamp("created_at").toInstant(),
                (Long) rs.getObject("staff_id"),
                rs.getString("staff_name"),
                RevisionKind.fromDb(rs.getString("kind")),
                (Integer) rs.getObject("restored_from"),
                changes == null ? List.of() : Arrays.asList((String[]) changes.getArray()),
                rs.getString("headline"),
                rs.getString("content"));
    }
}
