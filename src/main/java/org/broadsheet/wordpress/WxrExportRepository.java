package org.broadsheet.wordpress;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * What an export reads, straight from the tables and as a stream: every row is handed on as it
 * arrives (a fetch size, inside the export's one read-only transaction), so memory does not grow
 * with the site. An article row carries its byline, tags, notes, story references and comments
 * (as JSON), so each item is written from one row.
 */
@Repository
class WxrExportRepository {

    /** Called for each row read. */
    interface Rows<T> {
        void accept(T row) throws Exception;
    }

    record AuthorRow(long id, String slug, String name, String bio) {}

    record TermRow(
            long id,
            String slug,
            String name,
            String description,
            @Nullable String kind) {}

    record MediaRow(
            long id, String url, String filename, String alt, String caption, String credit, Instant createdAt) {}

    record ArticleRow(
            long id,
            String slug,
            String headline,
            String standfirst,
            String bodyHtml,
            String bodyMarkdown,
            String status,
            @Nullable Instant publishedAt,
            Instant createdAt,
            Instant updatedAt,
            boolean commentsOpen,
            String sectionSlug,
            String sectionName,
            @Nullable Long imageMediaId,
            @Nullable String image,
            List<String> authors,
            List<String> tagSlugs,
            List<String> tagNames,
            String notes,
            String references,
            String comments) {}

    private static final int FETCH = 500;

    private static final String ARTICLES = """
            select a.id, a.slug, a.headline, a.standfirst, a.body_html, a.body_markdown, a.status, a.published_at, a.created_at,
                   a.updated_at, a.comments_open, s.slug as section_slug, s.name as section_name, a.image_media_id,
                   case when a.image_path is not null
                        then json_build_object('path', a.image_path, 'alt', a.image_alt, 'caption', a.image_caption,
                                               'credit', a.image_credit, 'width', a.image_width,
                                               'height', a.image_height) end as image,
                   array(select au.slug from article_author aa join author au on au.id = aa.author_id
                          where aa.article_id = a.id order by aa.position) as authors,
                   array(select t.slug from article_tag at join tag t on t.id = at.tag_id
                          where at.article_id = a.id order by at.position) as tag_slugs,
                   array(select t.name from article_tag at join tag t on t.id = at.tag_id
                          where at.article_id = a.id order by at.position) as tag_names,
                   coalesce((select json_agg(json_build_object('kind', n.kind, 'noted_at', n.noted_at, 'body', n.body)
                                             order by n.noted_at, n.id)
                             from article_note n where n.article_id = a.id), '[]') as notes,
                   coalesce((select json_agg(json_build_object('kind', r.kind, 'id', t.id, 'slug', t.slug,
                                                               'headline', t.headline, 'status', t.status,
                                                               'published_at', t.published_at, 'section', ts.slug,
                                                               'slugs', array(select o.slug from article_slug o
                                                                               where o.article_id = t.id)))
                             from article_reference r join article t on t.id = r.target_id
                             join section ts on ts.id = t.section_id where r.article_id = a.id), '[]') as refs,
                   coalesce((select json_agg(json_build_object('id', c.id, 'parent', c.parent_id, 'status', c.status,
                                                               'name', c.author_name, 'email', c.author_email,
                                                               'url', c.author_url, 'ip', host(c.ip),
                                                               'agent', c.user_agent, 'body', c.body,
                                                               'staff', c.staff, 'at', c.created_at) order by c.id)
                             from comment c where c.article_id = a.id), '[]') as comments
              from article a join section s on s.id = a.section_id
             order by a.id""";

    private final JdbcTemplate jdbc;

    WxrExportRepository(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(FETCH);
    }

    void authors(Rows<AuthorRow> rows) {
        each(
                "select id, slug, name, bio from author order by id",
                rows,
                rs -> new AuthorRow(rs.getLong("id"), rs.getString("slug"), rs.getString("name"), rs.getString("bio")));
    }

    void sections(Rows<TermRow> rows) {
        each("select id, slug, name, description, null as kind from section order by position, id", rows, TERM);
    }

    void tags(Rows<TermRow> rows) {
        each("select id, slug, name, description, kind from tag order by id", rows, TERM);
    }

    private static final RowReader<TermRow> TERM = rs -> new TermRow(
            rs.getLong("id"),
            rs.getString("slug"),
            rs.getString("name"),
            rs.getString("description"),
            rs.getString("kind"));

    void media(Rows<MediaRow> rows) {
        String sql = "select id, storage_key, type, filename, alt, caption, credit, created_at from media order by id";
        each(
                sql,
                rows,
                rs -> new MediaRow(
                        rs.getLong("id"),
                        "/media/" + rs.getString("storage_key") + "/original."
                                + rs.getString("type").replace("jpeg", "jpg"),
                        rs.getString("filename"),
                        rs.getString("alt"),
                        rs.getString("caption"),
                        rs.getString("credit"),
                        instant(rs, "created_at")));
    }

    /** The largest article id: attachments are numbered after it, as WordPress numbers posts and attachments as one. */
    long maxArticleId() {
        Long max = jdbc.queryForObject("select coalesce(max(id), 0) from article", Long.class);
        return max == null ? 0 : max;
    }

    void articles(Rows<ArticleRow> rows) {
        each(ARTICLES, rows, WxrExportRepository::article);
    }

    private static ArticleRow article(ResultSet rs) throws SQLException {
        long image = rs.getLong("image_media_id");
        return new ArticleRow(
                rs.getLong("id"),
                rs.getString("slug"),
                rs.getString("headline"),
                rs.getString("standfirst"),
                rs.getString("body_html"),
                rs.getString("body_markdown"),
                rs.getString("status"),
                rs.getTimestamp("published_at") == null ? null : instant(rs, "published_at"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                rs.getBoolean("comments_open"),
                rs.getString("section_slug"),
                rs.getString("section_name"),
                rs.wasNull() || image == 0 ? null : image,
                rs.getString("image"),
                strings(rs.getArray("authors")),
                strings(rs.getArray("tag_slugs")),
                strings(rs.getArray("tag_names")),
                rs.getString("notes"),
                rs.getString("refs"),
                rs.getString("comments"));
    }

    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> void each(String sql, Rows<T> rows, RowReader<T> reader) {
        jdbc.query(sql, rs -> {
            try {
                rows.accept(reader.read(rs));
            } catch (SQLException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new ExportFailed(e);
            }
        });
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at.toInstant();
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }

    /** Writing failed (the file system, say) while rows were being read. */
    static final class ExportFailed extends RuntimeException {
        ExportFailed(Exception cause) {
            super(cause.getMessage(), cause);
        }
    }
}
