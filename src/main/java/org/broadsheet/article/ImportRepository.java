package org.broadsheet.article;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Writes checked articles in bulk ({@link ArticleImports}): ids taken from the table's
 * sequence in one query, then one statement per table for all of them, their values passed
 * as arrays ({@code unnest}). One statement for all their tags also means the search vectors
 * of their stories are made again once (V12's statement trigger), not once per article.
 */
@Repository
class ImportRepository {

    private final JdbcClient jdbc;

    ImportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes the articles with their slugs, authors, tags, references and revision 1; returns their ids, in order. */
    List<Long> write(
            List<ArticleImports.Checked> articles, Function<ArticleImports.Checked, String> revision, Instant now) {
        if (articles.isEmpty()) {
            return List.of();
        }
        List<Long> ids = jdbc.sql("select nextval(pg_get_serial_sequence('article', 'id')) from generate_series(1, ?)")
                .param(articles.size())
                .query(Long.class)
                .list();
        insertArticles(articles, ids, now);
        jdbc.sql("insert into article_slug (slug, article_id) select * from unnest(?::text[], ?::bigint[])")
                .params(column(articles, a -> a.resolved().slug()), ids.toArray(Long[]::new))
                .update();
        links(articles, ids);
        fillText(articles, ids);
        String[] contents = column(articles, revision);
        String[] kinds = column(articles, a -> a.revision().db());
        jdbc.sql("""
                        insert into article_revision (article_id, number, created_at, kind, content)
                        select t.id, 1, ?, t.kind, t.content::jsonb from unnest(?::bigint[], ?::text[], ?::text[]) t (id, kind, content)""")
                .params(java.sql.Timestamp.from(now), ids.toArray(Long[]::new), kinds, contents)
                .update();
        return ids;
    }

    private void insertArticles(List<ArticleImports.Checked> a, List<Long> ids, Instant now) {
        jdbc.sql("""
                        insert into article (id, slug, headline, standfirst, body_markdown, body_html, section_id, status,
                                             published_at, created_at, updated_at, image_path, image_alt, image_caption,
                                             image_credit, image_width, image_height, image_media_id)
                        overriding system value
                        select t.id, t.slug, '', '', '', '', t.section, t.status, t.published,
                               ?, t.updated, t.path, t.alt, t.caption, t.credit, t.width, t.height, t.media
                          from unnest(?::bigint[], ?::text[], ?::bigint[],
                                      ?::text[], ?::timestamptz[], ?::timestamptz[], ?::text[], ?::text[], ?::text[],
                                      ?::text[], ?::int[], ?::int[], ?::bigint[])
                               t (id, slug, section, status, published, updated, path,
                                  alt, caption, credit, width, height, media)""").params(columns(a, ids, now)).update();
    }

    /**
     * The rows go in without their words, and get them once their tags are in: V12's triggers
     * make each story's search vector once (about 0.7 ms a story), not at the insert and again
     * for the tags.
     */
    private void fillText(List<ArticleImports.Checked> a, List<Long> ids) {
        jdbc.sql("""
                        update article a set headline = t.headline, standfirst = t.standfirst, body_markdown = t.body,
                                             body_html = t.html
                          from unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[]) t (id, headline, standfirst, body, html)
                         where a.id = t.id""")
                .params(
                        ids.toArray(Long[]::new),
                        column(a, c -> c.form().headline().strip()),
                        column(
                                a,
                                c -> c.form().standfirst() == null
                                        ? ""
                                        : c.form().standfirst().strip()),
                        column(a, c -> c.form().body() == null ? "" : c.form().body()),
                        column(a, c -> c.body().html()))
                .update();
    }

    private static Object[] columns(List<ArticleImports.Checked> a, List<Long> ids, Instant now) {
        List<Object> columns = new ArrayList<>(List.of(
                java.sql.Timestamp.from(now),
                ids.toArray(Long[]::new),
                column(a, c -> c.resolved().slug()),
                a.stream().map(c -> c.resolved().sectionId()).toArray(Long[]::new),
                column(a, c -> c.status().db()),
                column(a, c -> text(c.publishedAt())),
                column(a, c -> text(c.updatedAt()))));
        columns.add(column(a, c -> image(c) == null ? null : image(c).path()));
        columns.add(column(a, c -> image(c) == null ? null : image(c).alt()));
        columns.add(column(a, c -> image(c) == null ? null : image(c).caption()));
        columns.add(column(a, c -> image(c) == null ? null : image(c).credit()));
        columns.add(
                a.stream().map(c -> image(c) == null ? null : image(c).width()).toArray(Integer[]::new));
        columns.add(
                a.stream().map(c -> image(c) == null ? null : image(c).height()).toArray(Integer[]::new));
        columns.add(a.stream()
                .map(c -> image(c) == null ? null : image(c).mediaId())
                .toArray(Long[]::new));
        return columns.toArray();
    }

    private static @Nullable LeadImage image(ArticleImports.Checked c) {
        return c.form().image();
    }

    /** Authors, tags (one statement: one search re-index for all) and story references. */
    private void links(List<ArticleImports.Checked> articles, List<Long> ids) {
        List<Long[]> authors = new ArrayList<>();
        List<Long[]> tags = new ArrayList<>();
        List<Object[]> references = new ArrayList<>();
        for (int i = 0; i < articles.size(); i++) {
            ArticleImports.Checked c = articles.get(i);
            List<Long> a = c.resolved().authorIds();
            for (int n = 0; n < a.size(); n++) {
                authors.add(new Long[] {ids.get(i), a.get(n), (long) n});
            }
            List<Long> t = c.resolved().tagIds();
            for (int n = 0; n < t.size(); n++) {
                tags.add(new Long[] {ids.get(i), t.get(n), (long) n});
            }
            for (var ref : c.body().references()) {
                references.add(new Object[] {ids.get(i), ref.targetId(), ref.kind().token});
            }
        }
        positioned("article_author", "author_id", authors);
        positioned("article_tag", "tag_id", tags);
        if (!references.isEmpty()) {
            jdbc.sql("""
                            insert into article_reference (article_id, target_id, kind)
                            select * from unnest(?::bigint[], ?::bigint[], ?::text[]) on conflict do nothing""")
                    .params(
                            references.stream().map(r -> (Long) r[0]).toArray(Long[]::new),
                            references.stream().map(r -> (Long) r[1]).toArray(Long[]::new),
                            references.stream().map(r -> (String) r[2]).toArray(String[]::new))
                    .update();
        }
    }

    /** {@code table} is this class's own name, never input. */
    private void positioned(String table, String column, List<Long[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.sql("insert into " + table + " (article_id, " + column
                        + ", position) select * from unnest(?::bigint[], ?::bigint[], ?::int[])")
                .params(
                        rows.stream().map(r -> r[0]).toArray(Long[]::new),
                        rows.stream().map(r -> r[1]).toArray(Long[]::new),
                        rows.stream().map(r -> r[2].intValue()).toArray(Integer[]::new))
                .update();
    }

    private static String[] column(
            List<ArticleImports.Checked> rows, Function<ArticleImports.Checked, @Nullable String> value) {
        return rows.stream().map(value).toArray(String[]::new);
    }

    private static @Nullable String text(@Nullable Instant at) {
        return at == null ? null : at.toString();
    }
}
