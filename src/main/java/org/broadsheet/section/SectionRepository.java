package org.broadsheet.section;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SectionRepository {

    private static final String COLUMNS = "id, slug, name, description, position";

    private final JdbcClient jdbc;

    SectionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Section> findAll() {
        return jdbc.sql("select " + COLUMNS + " from section order by position, name").query(Section.class).list();
    }

    Optional<Section> findBySlug(String slug) {
        return jdbc.sql("select " + COLUMNS + " from section where slug = ?").param(slug).query(Section.class)
                .optional();
    }

    boolean existsBySlug(String slug) {
        return jdbc.sql("select exists (select 1 from section where slug = ?)").param(slug).query(Boolean.class)
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
                .param("description", form.description() == null ? "" : form.description().strip())
                .param("position", position)
                .query(Long.class).single();
    }

    int nextPosition() {
        return jdbc.sql("select coalesce(max(position), 0) + 1 from section").query(Integer.class).single();
    }
}
