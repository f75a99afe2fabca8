package org.broadsheet.search;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGStatement;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The search's SQL: reading a reader's query as PostgreSQL does, finding and ranking public
 * stories by their stored vectors (migration V12), and rebuilding the vectors in another language.
 * It reads the article, section and author tables itself, since a page of results is one query.
 */
@Repository
class SearchRepository {

    /** Weights of the vector's parts D, C, B, A: body 0.2, standfirst and tags 0.4, headline 1. */
    private static final String WEIGHTS = "'{0.1, 0.2, 0.4, 1.0}'";

    /**
     * ts_headline's options: up to two fragments of 12–24 words, the words found between U+0001
     * and U+0002. The text it reads never holds those (they, U+0003 and U+0004 become spaces
     * first), and its {@code <} and {@code >} are given as U+0003 and U+0004, since ts_headline
     * drops whatever looks like a tag ("<b>" in a story about HTML); {@link Snippet} turns them back.
     */
    private static final String HEADLINE_OPTIONS = "'MaxFragments=2, MaxWords=24, MinWords=12, ShortWord=3, "
            + "FragmentDelimiter=\" … \", StartSel=' || chr(1) || ', StopSel=' || chr(2)";

    /**
     * The newest {@code :candidates} public stories the query matches (filters added at the first
     * {@code %s}; one more is looked for, to tell whether there are more), ranked: relevance
     * (ts_rank over the weighted vector) times a recency factor between 1 and 2 that halves its
     * bonus every {@code :halfLife} seconds; then one page of them with their section, byline and
     * a highlighted excerpt. Each row carries how many candidates there were (at most
     * {@code :candidates + 1}).
     *
     * <p>Candidates are found newest first: for a common word PostgreSQL reads the date index and
     * stops after enough matches; for a rare one, the GIN index. It cannot tell how rare a pair of
     * common words or a phrase is, so those are looked for among the {@link #RECENT_STORIES}
     * newest stories first, and else in the whole archive, a phrase through the GIN index alone
     * (the second {@code %s} makes the order one the date index cannot give): the stories holding
     * all its words, each checked. Ranking reads only the candidates' vectors, after the cut.
     * Snippets are made for the page's rows only, from the standfirst and about {@code :window}
     * characters of the body's HTML around the first word that starts with one of {@code :prefixes}, made
     * plain text (ts_headline's cost grows with the text it reads).
     */
    private static final String SEARCH = """
            with hits as materialized (
                select a.id, a.published_at
                  from article a
                 where a.search_vector @@ cast(:query as tsquery)
                   and a.status = 'published' and a.published_at <= statement_timestamp()%s
                 order by a.published_at%s desc, a.id desc
                 limit :candidates + 1),
            newest as (
                select h.id, h.published_at, (select count(*) from hits) as total
                  from hits h
                 order by h.published_at desc, h.id desc
                 limit :candidates),
            ranked as (
                select h.id, h.published_at, h.total,
                       ts_rank(%s, a.search_vector, cast(:query as tsquery))
                         * (1 + power(0.5::float8, extract(epoch from statement_timestamp() - h.published_at)::float8
                                                   / cast(:halfLife as float8))) as score
                  from newest h join article a on a.id = h.id
                 order by score desc, h.published_at desc, h.id desc
                 limit :limit offset :offset)
            select r.id, r.total, a.slug, a.headline, s.slug as section_slug, s.name as section_name, a.published_at,
                   array(select au.name from article_author aa join author au on au.id = aa.author_id
                          where aa.article_id = a.id order by aa.position) as author_names,
                   ts_headline(cast(:config as regconfig),
                               translate(a.standfirst || chr(10) || e.excerpt,
                                         chr(1) || chr(2) || chr(3) || chr(4) || '<>', '    ' || chr(3) || chr(4)),
                               cast(:query as tsquery), %s) as snippet
              from ranked r
              join article a on a.id = r.id
              join section s on s.id = a.section_id
              cross join lateral (
                  select coalesce(min(nullif(strpos(a.body_html, w.start), 0)) + 1, 0) as at
                    from unnest(cast(:prefixes as text[])) p (prefix),
                         unnest(array[' ' || p.prefix, '>' || p.prefix, ' ' || initcap(p.prefix),
                                      '>' || initcap(p.prefix)]) w (start)) m
              cross join lateral (
                  select greatest(m.at - :lead, 1) as start) x
              cross join lateral (
                  select search_plain_text(regexp_replace(regexp_replace(substr(a.body_html, x.start, :window),
                                                                         '^[^<>]*>', ''), '<[^>]*$', '')) as text) t
              cross join lateral (
                  select case when x.start > 1 then regexp_replace(t.text, '^\\S*\\s+', '') else t.text end as text) u
              cross join lateral (
                  select case when length(a.body_html) >= x.start + :window
                              then regexp_replace(u.text, '\\s+\\S*$', '') else u.text end as excerpt) e
             order by r.score desc, r.published_at desc, r.id desc""";

    private static final RowMapper<HitRow> HIT = (rs, n) -> new HitRow(
            rs.getLong("id"),
            rs.getInt("total"),
            rs.getString("slug"),
            rs.getString("headline"),
            rs.getString("section_slug"),
            rs.getString("section_name"),
            rs.getTimestamp("published_at").toInstant(),
            strings(rs.getArray("author_names")),
            rs.getString("snippet"));

    /**
     * Longest a reader's search may run. A phrase of very common words that seldom stand together
     * is the costliest query there is (every story holding all its words is checked); past this it
     * is cancelled and the reader told so, rather than holding a request thread.
     */
    static final int TIMEOUT_SECONDS = 5;

    private final JdbcClient jdbc;
    private final JdbcClient searches;

    SearchRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.searches = JdbcClient.create(new SearchStatements(dataSource));
    }

    /**
     * Statements that are planned for their own parameters every time and cancelled after
     * {@link #TIMEOUT_SECONDS}. The driver would otherwise prepare a statement run often on the
     * server, and PostgreSQL then soon uses one generic plan for every query, which cannot know
     * how common the words are: it read all 65,000 stories holding "water" to rank 200 (1.6 s
     * where the plan for "water" takes 2 ms). Planning each search costs about a millisecond.
     */
    private static final class SearchStatements extends JdbcTemplate {

        SearchStatements(DataSource dataSource) {
            super(dataSource);
            setQueryTimeout(TIMEOUT_SECONDS);
        }

        @Override
        protected void applyStatementSettings(Statement statement) throws SQLException {
            super.applyStatementSettings(statement);
            if (statement.isWrapperFor(PGStatement.class)) {
                statement.unwrap(PGStatement.class).setPrepareThreshold(0);
            }
        }
    }

    /** A public story the search found, with how many candidates the search ranked. */
    record HitRow(
            long id,
            int total,
            String slug,
            String headline,
            String sectionSlug,
            String sectionName,
            Instant publishedAt,
            List<String> authorNames,
            String snippet) {}

    /**
     * What PostgreSQL makes of a reader's text ({@code websearch_to_tsquery}, which accepts any
     * text): the query in its own notation, how many terms it has (0 for stop words or
     * punctuation only), and whether an index can answer it (not when it only excludes words).
     */
    record ParsedQuery(String tsquery, int terms, boolean indexable) {

        /** Whether it asks for words in a row ({@code "central bank"}), which the GIN index cannot check alone. */
        boolean phrase() {
            return tsquery.contains("<");
        }

        /** Whether it asks for several words together ({@code port strike}). */
        boolean allOf() {
            return tsquery.contains("&");
        }
    }

    ParsedQuery parse(String configuration, String text) {
        return jdbc.sql("""
                        select q::text as tsquery, numnode(q) as terms, querytree(q) <> 'T' as indexable
                          from websearch_to_tsquery(cast(? as regconfig), ?) q""")
                .params(configuration, text)
                .query((rs, n) ->
                        new ParsedQuery(rs.getString("tsquery"), rs.getInt("terms"), rs.getBoolean("indexable")))
                .single();
    }

    /** Filters of a search: a section, and published at or after {@code from}, before {@code to}. */
    record Filters(
            @Nullable Long sectionId,
            @Nullable Instant from,
            @Nullable Instant to) {}

    /** Limits of a search: at most {@code candidates} ranked; the page's rows. */
    record Window(int candidates, int limit, long offset, double halfLifeSeconds) {}

    /**
     * How many of the newest public stories a search for several words, or a phrase, first looks
     * in: words that are common together are usually found there, and then the newest matches
     * are the same candidates the whole archive would give, for a bounded cost. PostgreSQL cannot
     * tell how often words stand together (it multiplies their frequencies; for a phrase it
     * cannot know at all), and might otherwise read thousands of stories for a pair of common
     * words, or the whole archive in date order for a rare phrase. Only when these stories hold
     * too few matches is the whole archive searched (for a phrase, through the GIN index).
     */
    static final int RECENT_STORIES = 4_000;

    /** The text block loses its leading spaces, so the condition starts with one of its own. */
    private static final String RECENT = " " + """
             and a.published_at >= (select r.published_at from article r
                                     where r.status = 'published' and r.published_at <= statement_timestamp()
                                     order by r.published_at desc, r.id desc offset :recent limit 1)""";

    List<HitRow> search(
            String configuration, ParsedQuery query, List<String> prefixes, Filters filters, Window window) {
        String where = (filters.sectionId() == null ? "" : " and a.section_id = :section")
                + (filters.from() == null ? "" : " and a.published_at >= :from")
                + (filters.to() == null ? "" : " and a.published_at < :to");
        BiFunction<String, String, List<HitRow>> run =
                (condition, order) -> searches.sql(SEARCH.formatted(condition, order, WEIGHTS, HEADLINE_OPTIONS))
                        .param("query", query.tsquery())
                        .param("config", configuration)
                        .param("prefixes", prefixes.toArray(String[]::new))
                        .param("section", filters.sectionId())
                        .param("from", timestamp(filters.from()))
                        .param("to", timestamp(filters.to()))
                        .param("recent", RECENT_STORIES)
                        .param("candidates", window.candidates())
                        .param("limit", window.limit())
                        .param("offset", window.offset())
                        .param("halfLife", window.halfLifeSeconds())
                        .param("lead", 200)
                        .param("window", 700)
                        .query(HIT)
                        .list();
        if (!query.phrase() && !query.allOf()) {
            return run.apply(where, "");
        }
        List<HitRow> recent = run.apply(where + RECENT, "");
        if (!recent.isEmpty() && recent.get(0).total() > window.candidates()) {
            return recent;
        }
        // For a phrase, an order the date index cannot give: PostgreSQL then reads the GIN index.
        return run.apply(where, query.phrase() ? " + interval '0'" : "");
    }

    // ---- the index

    boolean configurationExists(String configuration) {
        return jdbc.sql("select exists (select 1 from pg_ts_config where cfgname = ?)")
                .param(configuration)
                .query(Boolean.class)
                .single();
    }

    /** The languages V12 made configurations for. */
    List<String> languages() {
        return jdbc.sql("select substr(cfgname, 12) from pg_ts_config where cfgname like 'broadsheet\\_%' order by 1")
                .query(String.class)
                .list();
    }

    /** Holds the index's lock until the transaction ends (one rebuild at a time across nodes). */
    void lockIndex() {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('broadsheet.search_index'))")
                .query((rs, n) -> 1)
                .single();
    }

    /** The configuration the stored vectors were made with. */
    String indexConfiguration() {
        return jdbc.sql("select config from search_index").query(String.class).single();
    }

    /**
     * Makes every article's vector again with {@code configuration}, which writes use from now
     * on. The GIN index is dropped meanwhile and built again from its own definition: building
     * it at once is many times faster than entering every story's words anew.
     */
    long reindex(String configuration) {
        jdbc.sql("update search_index set config = ?, built_at = now()")
                .param(configuration)
                .update();
        String index = jdbc.sql("select pg_get_indexdef('article_search_idx'::regclass)")
                .query(String.class)
                .single();
        jdbc.sql("drop index article_search_idx").update();
        long count = jdbc.sql("""
                        update article a
                           set search_vector = search_document(?, a.headline, a.standfirst, search_tag_names(a.id),
                                                               a.body_html)""").param(configuration).update();
        jdbc.sql(index).update();
        return count;
    }

    /**
     * Makes the vectors of up to {@code limit} stories that have none (written by an import,
     * V15), in the current configuration; returns how many. Rows another catch-up holds are
     * skipped, and a row indexed meanwhile is left alone.
     */
    int indexWaiting(int limit) {
        return jdbc.sql("""
                        update article a
                           set search_vector = search_document((select config from search_index), a.headline,
                                                               a.standfirst, search_tag_names(a.id), a.body_html)
                         where a.id in (select w.id from article w where w.search_vector is null
                                         order by w.id limit ? for update skip locked)
                           and a.search_vector is null""").param(limit).update();
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
