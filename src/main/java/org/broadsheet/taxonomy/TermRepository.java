package org.broadsheet.taxonomy;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The SQL every taxonomy shares, over its own table: look-ups, the list with article counts,
 * deletes and former slugs. Each taxonomy's repository adds how its rows are written.
 */
abstract class TermRepository<T extends Term> {

    private static final String MATCHING = " where (cast(:q as text) is null or t.name ilike :q or t.slug ilike :q)";

    protected final JdbcClient jdbc;
    private final Taxonomy taxonomy;
    private final FormerSlugs formerSlugs;
    private final String columns;
    private final String select;
    private final RowMapper<T> rows;
    private final RowMapper<TermSummary<T>> summaries;

    /** @param columns the select list that makes a {@code T} (its components by name), from alias {@code t} */
    TermRepository(JdbcClient jdbc, Taxonomy taxonomy, String columns, Class<T> type) {
        this.jdbc = jdbc;
        this.taxonomy = taxonomy;
        this.formerSlugs = new FormerSlugs(jdbc, taxonomy);
        this.columns = columns;
        this.select = "select " + columns + " from " + taxonomy.table() + " t";
        this.rows = new DataClassRowMapper<>(type);
        this.summaries = (rs, n) -> new TermSummary<>(rows.mapRow(rs, n), rs.getLong("articles"));
    }

    /** Inserts a validated form (its slug already made); returns the new id. */
    abstract long insert(TermForm form);

    /** Writes a validated form over term {@code id}. */
    abstract void update(long id, TermForm form);

    Optional<T> findById(long id) {
        return jdbc.sql(select + " where t.id = ?").param(id).query(rows).optional();
    }

    Optional<T> findBySlug(@Nullable String slug) {
        return jdbc.sql(select + " where t.slug = ?").param(slug).query(rows).optional();
    }

    List<T> findBySlugs(Collection<String> slugs) {
        return jdbc.sql(select + " where t.slug = any(?)")
                .param(slugs.toArray(String[]::new))
                .query(rows)
                .list();
    }

    List<T> findAll() {
        return jdbc.sql(select + " order by " + taxonomy.order()).query(rows).list();
    }

    /** Terms whose name or slug matches the {@code like} pattern (all when null), in order, with article counts. */
    List<TermSummary<T>> findSummaries(@Nullable String likePattern, int limit, long offset) {
        String counted = "select " + columns + ", (" + usage("count(*)") + " = t.id) as articles from "
                + taxonomy.table() + " t";
        return jdbc.sql(counted + MATCHING + " order by " + taxonomy.order() + " limit :limit offset :offset")
                .param("q", likePattern)
                .param("limit", limit)
                .param("offset", offset)
                .query(summaries)
                .list();
    }

    long countMatching(@Nullable String likePattern) {
        return jdbc.sql("select count(*) from " + taxonomy.table() + " t" + MATCHING)
                .param("q", likePattern)
                .query(Long.class)
                .single();
    }

    boolean existsBySlug(String slug) {
        return jdbc.sql("select exists (select 1 from " + taxonomy.table() + " where slug = ?)")
                .param(slug)
                .query(Boolean.class)
                .single();
    }

    /** Articles that use the term, whatever their status. */
    long countArticles(long id) {
        return jdbc.sql(usage("count(*)") + " = ?").param(id).query(Long.class).single();
    }

    void delete(long id) {
        jdbc.sql("delete from " + taxonomy.table() + " where id = ?").param(id).update();
    }

    /** Slugs terms had before a rename. */
    FormerSlugs formerSlugs() {
        return formerSlugs;
    }

    /** {@code select {what} from {usage table} where {usage column}}, to be completed. */
    private String usage(String what) {
        return "select " + what + " from " + taxonomy.usageTable() + " u where u." + taxonomy.usageColumn();
    }
}
