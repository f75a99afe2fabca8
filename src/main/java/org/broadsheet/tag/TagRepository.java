package org.broadsheet.tag;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.broadsheet.web.FormerSlugs;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class TagRepository {

    private static final String COLUMNS = "id, slug, name, kind";

    private static final String MATCHING = " where (cast(:q as text) is null or t.name ilike :q or t.slug ilike :q)";

    private static final RowMapper<TagSummary> SUMMARY = (rs, n) -> new TagSummary(
            new Tag(rs.getLong("id"), rs.getString("slug"), rs.getString("name"), rs.getString("kind")),
            rs.getLong("articles"));

    private final JdbcClient jdbc;
    private final FormerSlugs formerSlugs;

    TagRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.formerSlugs = new FormerSlugs(jdbc, "tag");
    }

    Optional<Tag> findBySlug(String slug) {
        return jdbc.sql("select " + COLUMNS + " from tag where slug = ?")
                .param(slug)
                .query(Tag.class)
                .optional();
    }

    Optional<Tag> findById(long id) {
        return jdbc.sql("select " + COLUMNS + " from tag where id = ?")
                .param(id)
                .query(Tag.class)
                .optional();
    }

    List<Tag> findBySlugs(Collection<String> slugs) {
        return jdbc.sql("select " + COLUMNS + " from tag where slug = any(?)")
                .param(slugs.toArray(String[]::new))
                .query(Tag.class)
                .list();
    }

    /** Tags whose name or slug matches the {@code like} pattern (all when null), by name, with their article counts. */
    List<TagSummary> findSummaries(String likePattern, int limit, long offset) {
        return jdbc.sql("""
                        select t.id, t.slug, t.name, t.kind,
                               (select count(*) from article_tag at where at.tag_id = t.id) as articles
                          from tag t""" + MATCHING + " order by lower(t.name), t.id limit :limit offset :offset")
                .param("q", likePattern)
                .param("limit", limit)
                .param("offset", offset)
                .query(SUMMARY)
                .list();
    }

    long countMatching(String likePattern) {
        return jdbc.sql("select count(*) from tag t" + MATCHING)
                .param("q", likePattern)
                .query(Long.class)
                .single();
    }

    long countArticles(long id) {
        return jdbc.sql("select count(*) from article_tag where tag_id = ?")
                .param(id)
                .query(Long.class)
                .single();
    }

    void insert(TagForm form, String kind) {
        jdbc.sql("insert into tag (slug, name, kind) values (?, ?, ?)")
                .params(form.slug(), form.name().strip(), kind)
                .update();
    }

    void update(long id, TagForm form, String kind) {
        jdbc.sql("update tag set slug = ?, name = ?, kind = ? where id = ?")
                .params(form.slug(), form.name().strip(), kind, id)
                .update();
    }

    void delete(long id) {
        jdbc.sql("delete from tag where id = ?").param(id).update();
    }

    /** Slugs this tag had before a rename. */
    FormerSlugs formerSlugs() {
        return formerSlugs;
    }

    List<Tag> findAll() {
        return jdbc.sql("select " + COLUMNS + " from tag order by name")
                .query(Tag.class)
                .list();
    }
}
