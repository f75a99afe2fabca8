package org.broadsheet.article;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Writes checked articles in bulk ({@link ArticleImports}): ids taken from the table's
 * sequence in one query, then one statement per table for all of them, their values passed
 * as arrays ({@code unnest}). Their search vectors are not made here but by
 * {@code search.SearchCatchUp} on another connection (V15), so the import does not wait for them.
 */
@Repository
class ImportRepository {

    private final JdbcClient jdbc;

    ImportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The articles that use or used each of {@code slugs}, by slug (those none has are left out). */
    Map<String, Long> findIdsBySlugs(Collection<String> slugs) {
        return jdbc
                .sql("select slug, article_id from article_slug where slug = any(?)")
                .param(slugs.toArray(String[]::new))
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Stories without their search vector yet (V15's partial index answers it). */
    long waitingForSearch() {
        return jdbc.sql("select count(*) from article where search_vector is null")
                .query(Long.class)
                .single();
    }

    /** Which of {@code ids} are articles (one query). */
    java.util.Set<Long> existing(Collection<Long> ids) {
        return ids.isEmpty()
                ? java.util.Set.of()
                : java.util.Set.copyOf(jdbc.sql("select id from article where id = any(?)")
                        .param(ids.toArray(Long[]::new))
                        .query(Long.class)
                        .list());
    }

    /** Writes the articles with their slugs, authors, tags, references and revision 1; returns their ids, in order. */
    List<Long> write(
            List<ArticleImports.Checked> articles, Function<ArticleImports.Checked, String> revision, Instant now) {
        if (articles.isEmpty()) {
            return List.of();
        }
        // The identity's sequence named as a constant: pg_get_serial_sequence here was looked up
        // again for every row (stable, not folded), 3.8 µs a row, 1.9 s of PostgreSQL in issue 11's import.
        List<Long> ids = jdbc.sql("select nextval('article_id_seq'::regclass) from generate_series(1, ?)")
                .param(articles.size())
                .query(Long.class)
                .list();
        // The stories' search vectors are left to search.SearchCatchUp (V15), for these statements only.
        jdbc.sql("select set_config('broadsheet.search_deferred', 'on', true)")
                .query(String.class)
                .single();
        insertArticles(articles, ids, now);
        jdbc.sql("insert into article_slug (slug, article_id) select * from unnest(?::text[], ?::bigint[])")
                .params(column(articles, a -> a.resolved().slug()), ids.toArray(Long[]::new))
                .update();
        links(articles, ids);
        jdbc.sql("select set_config('broadsheet.search_deferred', 'off', true)")
                .query(String.class)
                .single();
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
                        select t.id, t.slug, t.headline, t.standfirst, t.body, t.html, t.section, t.status, t.published,
                               ?, t.updated, t.path, t.alt, t.caption, t.credit, t.width, t.height, t.media
                          from unnest(?::bigint[], ?::text[], ?::bigint[],
                                      ?::text[], ?::timestamptz[], ?::timestamptz[], ?::text[], ?::text[], ?::text[],
                                      ?::text[], ?::int[], ?::int[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[])
                               t (id, slug, section, status, published, updated, path,
                                  alt, caption, credit, width, height, media, headline, standfirst, body, html)""").params(columns(a, ids, now)).update();
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
        columns.add(column(a, c -> c.form().headline().strip()));
        columns.add(column(
                a,
                c -> c.form().standfirst() == null ? "" : c.form().standfirst().strip()));
        columns.add(column(a, c -> c.form().body() == null ? "" : c.form().body()));
        columns.add(column(a, c -> c.body().html()));
        return columns.toArray();
    }

    private static @Nullable LeadImage image(ArticleImports.Checked c) {
        return c.form().image();
    }

    /** Authors, tags and story references. */
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
