package org.broadsheet.article;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.broadsheet.taxonomy.Taxonomy;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL behind {@link ArticleCatalogue}: every public article in publication order, in
 * batches, for sitemaps. Each statement reads only the columns a sitemap needs, so the
 * partial index on published articles carries the order and the filter.
 */
@Repository
class CatalogueRepository {

    /** A public article as a sitemap lists it; {@code modified} is the last change readers can see. */
    record Row(long id, String slug, String sectionSlug, String headline, Instant publishedAt, Instant modified) {}

    /** The same visibility rule as every reader query ({@code ArticleRepository}). */
    private static final String VISIBLE = "a.status = 'published' and a.published_at <= statement_timestamp()";

    private static final String ROWS = """
            select a.id, a.slug, s.slug as section_slug, a.headline, a.published_at,
                   greatest(a.published_at, a.updated_at) as modified
              from article a join section s on s.id = a.section_id
             where\s""" + VISIBLE;

    /** The key of the public article at {@code :offset} (from 0) in publication order, from the index only. */
    private static final String NTH = """
            select f.published_at, f.id from article f
             where f.status = 'published' and f.published_at <= statement_timestamp()
             order by f.published_at, f.id offset :offset limit 1""";

    private static final String OLDEST_FIRST = " order by a.published_at, a.id limit :limit";

    private static final RowMapper<Row> ROW = (rs, n) -> new Row(
            rs.getLong("id"),
            rs.getString("slug"),
            rs.getString("section_slug"),
            rs.getString("headline"),
            instant(rs, "published_at"),
            instant(rs, "modified"));

    /** One row per page of {@code size} articles, oldest first: the page's last change. */
    private static final String PAGES = """
            select max(p.modified) as modified
              from (select greatest(a.published_at, a.updated_at) as modified,
                           (row_number() over (order by a.published_at, a.id) - 1) / :size as page
                      from article a
                     where\s""" + VISIBLE + """
                   ) p
             group by p.page
             order by p.page""";

    /** Per term, when its newest public article was published; the subquery is taxonomy-specific. */
    private static final Map<Taxonomy, String> NEWEST_PER_TERM = Map.of(
            Taxonomy.SECTION,
            // one probe of the (section_id, published_at) index per section, not a scan of all articles
            """
            select s.id as term, (select max(a.published_at) from article a
                                   where a.section_id = s.id and\s""" + VISIBLE + """
                                 ) as newest
              from section s""",
            Taxonomy.TAG,
            "select l.tag_id as term, max(a.published_at) as newest from article_tag l"
                    + " join article a on a.id = l.article_id where " + VISIBLE + " group by l.tag_id",
            Taxonomy.AUTHOR,
            "select l.author_id as term, max(a.published_at) as newest from article_author l"
                    + " join article a on a.id = l.article_id where " + VISIBLE + " group by l.author_id");

    private final JdbcClient jdbc;

    CatalogueRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Oldest first, up to {@code limit} public articles after skipping {@code offset}. The skipping
     * walks the index alone (a plain {@code offset} would read every skipped row: 150 ms rather
     * than 25 ms to skip 49,000).
     */
    List<Row> findFrom(long offset, int limit) {
        return jdbc.sql(ROWS + " and (a.published_at, a.id) >= (" + NTH + ")" + OLDEST_FIRST)
                .param("offset", offset)
                .param("limit", limit)
                .query(ROW)
                .list();
    }

    /** Whether there are more than {@code offset} public articles (read from the index alone). */
    boolean existsAt(long offset) {
        return jdbc.sql("select exists (" + NTH + ")")
                .param("offset", offset)
                .query(Boolean.class)
                .single();
    }

    /** Oldest first, up to {@code limit} public articles that come after {@code last} in that order. */
    List<Row> findAfter(Row last, int limit) {
        return jdbc.sql(ROWS + " and (a.published_at, a.id) > (:at, :id)" + OLDEST_FIRST)
                .param("at", Timestamp.from(last.publishedAt()))
                .param("id", last.id())
                .param("limit", limit)
                .query(ROW)
                .list();
    }

    /** Newest first, up to {@code limit} public articles published after {@code since}. */
    List<Row> findPublishedAfter(Instant since, int limit) {
        return jdbc.sql(ROWS + " and a.published_at > :since order by a.published_at desc, a.id desc limit :limit")
                .param("since", Timestamp.from(since))
                .param("limit", limit)
                .query(ROW)
                .list();
    }

    /** The last change of each page of {@code size} public articles, oldest first; as many as there are pages. */
    List<Instant> findPageChanges(int size) {
        return jdbc.sql(PAGES)
                .param("size", size)
                .query((rs, n) -> instant(rs, "modified"))
                .list();
    }

    /** When the newest public article of each term of {@code taxonomy} that has one was published. */
    Map<Long, Instant> findNewestPerTerm(Taxonomy taxonomy) {
        Map<Long, Instant> newest = new HashMap<>();
        jdbc.sql(NEWEST_PER_TERM.get(taxonomy)).query(rs -> {
            Timestamp at = rs.getTimestamp("newest");
            if (at != null) {
                newest.put(rs.getLong("term"), at.toInstant());
            }
        });
        return newest;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }
}
