package org.broadsheet.section;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.broadsheet.web.FormerSlugs;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SectionRepository {

    private static final String COLUMNS = "id, slug, name, description, position";

    private final JdbcClient jdbc;
    private final FormerSlugs formerSlugs;

    SectionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.formerSlugs = new FormerSlugs(jdbc, "section");
    }

    List<Section> findAll() {
        return jdbc.sql("select " + COLUMNS + " from section order by position, name")
                .query(Section.class)
                .list();
    }

    Optional<Section> findBySlug(String slug) {
        return jdbc.sql("select " + COLUMNS + " from section where slug = ?")
                .param(slug)
                .query(Section.class)
                .optional();
    }

    Optional<Section> findById(long id) {
        return jdbc.sql("select " + COLUMNS + " from section where id = ?")
                .param(id)
                .query(Section.class)
                .optional();
    }

    boolean existsBySlug(String slug) {
        return jdbc.sql("select exists (select 1 from section where slug = ?)")
                .param(slug)
                .query(Boolean.class)
                .single();
    }

    long insert(SectionForm form, int position) {
        return jdbc.sql("""
                        insert into section (slug, name, description, position)
                        values (:slug, :name, :description, :position)
                        returning id
                        """)
                .param("slug", form.slug())
                .param("name", form.name().strip())
                .param(
                        "description",
                        form.description() == null ? "" : form.description().strip())
                .param("position", position)
                .query(Long.class)
                .single();
    }

    void update(long id, SectionForm form, int position) {
        jdbc.sql("update section set slug = ?, name = ?, description = ?, position = ? where id = ?")
                .params(
                        form.slug(),
                        form.name().strip(),
                        form.description() == null ? "" : form.description().strip(),
                        position,
                        id)
                .update();
    }

    void setPosition(long id, int position) {
        jdbc.sql("update section set position = ? where id = ?")
                .params(position, id)
                .update();
    }

    void delete(long id) {
        jdbc.sql("delete from section where id = ?").param(id).update();
    }

    int nextPosition() {
        return jdbc.sql("select coalesce(max(position), 0) + 1 from section")
                .query(Integer.class)
                .single();
    }

    /** Articles in the section, whatever their status. */
    long countArticles(long id) {
        return jdbc.sql("select count(*) from article where section_id = ?")
                .param(id)
                .query(Long.class)
                .single();
    }

    /** Articles per section id, whatever their status; sections without any are left out. */
    Map<Long, Long> countArticles() {
        return jdbc
                .sql("select section_id, count(*) from article group by section_id")
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Slugs this section had before a rename. */
    FormerSlugs formerSlugs() {
        return formerSlugs;
    }
}
