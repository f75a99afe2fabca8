package org.broadsheet.taxonomy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The SQL every taxonomy runs, over its own table: look-ups, the list with article counts,
 * writes, deletes and former slugs. Each taxonomy's repository says which columns it reads
 * and which of its own it writes besides the slug and the name.
 */
abstract class TermRepository<T extends Term> {

    /**
     * A column a taxonomy writes besides the slug and the name: from the form, or (for a value
     * the database gives a new row, such as a section's place at the end) an SQL expression
     * used on insert only.
     */
    record Column(
            String name,
            @Nullable Function<TermForm, @Nullable Object> value,
            @Nullable String atInsert) {

        static Column of(String name, Function<TermForm, @Nullable Object> value) {
            return new Column(name, value, null);
        }

        static Column insertedAs(String name, String sql) {
            return new Column(name, null, sql);
        }
    }

    private static final String MATCHING = " where (cast(:q as text) is null or t.name ilike :q or t.slug ilike :q)";

    protected final JdbcClient jdbc;
    private final Taxonomy taxonomy;
    private final FormerSlugs formerSlugs;
    private final String columns;
    private final String select;
    private final RowMapper<T> rows;
    private final RowMapper<TermSummary<T>> summaries;
    private final List<Column> written;
    private final String insert;
    private final String update;

    /**
     * @param columns the select list that {@code rows} makes a {@code T} of, from alias {@code t}
     * @param rows written out by hand: a reflective mapper ({@code DataClassRowMapper}) converted
     *     each value through Spring's conversion service, and the sections, read for every page's
     *     navigation when nothing is kept, cost a tenth of the page's Java time that way
     * @param written the taxonomy's own columns, besides {@code slug} and {@code name}
     */
    TermRepository(JdbcClient jdbc, Taxonomy taxonomy, String columns, RowMapper<T> rows, List<Column> written) {
        this.jdbc = jdbc;
        this.taxonomy = taxonomy;
        this.formerSlugs = new FormerSlugs(jdbc, taxonomy);
        this.columns = columns;
        this.select = "select " + columns + " from " + taxonomy.table() + " t";
        this.rows = rows;
        this.summaries = (rs, n) -> new TermSummary<>(rows.mapRow(rs, n), rs.getLong("articles"));
        this.written = List.copyOf(written);
        this.insert = "insert into " + taxonomy.table() + " (slug, name"
                + written.stream().map(c -> ", " + c.name()).collect(Collectors.joining()) + ") values (?, ?"
                + written.stream()
                        .map(c -> c.atInsert() == null ? ", ?" : ", " + c.atInsert())
                        .collect(Collectors.joining())
                + ") returning id";
        this.update = "update " + taxonomy.table() + " set slug = ?, name = ?"
                + updated().map(c -> ", " + c.name() + " = ?").collect(Collectors.joining()) + " where id = ?";
    }

    /** Inserts a validated form (its slug already made); returns the new id. */
    long insert(TermForm form) {
        return jdbc.sql(insert).params(values(form)).query(Long.class).single();
    }

    /** Writes a validated form over term {@code id}. */
    void update(long id, TermForm form) {
        List<@Nullable Object> values = values(form);
        values.add(id);
        jdbc.sql(update).params(values).update();
    }

    /** The slug, the name and the values of the columns written from the form, in that order. */
    private List<@Nullable Object> values(TermForm form) {
        List<@Nullable Object> values = new ArrayList<>();
        values.add(form.slug());
        values.add(TermForm.text(form.name()));
        updated().forEach(c -> values.add(c.value().apply(form)));
        return values;
    }

    private Stream<Column> updated() {
        return written.stream().filter(c -> c.value() != null);
    }

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
