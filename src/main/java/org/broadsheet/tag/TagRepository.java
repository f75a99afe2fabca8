package org.broadsheet.tag;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class TagRepository {

    private static final String COLUMNS = "id, slug, name, kind";

    private final JdbcClient jdbc;

    TagRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Tag> findBySlug(String slug) {
        return jdbc.sql("select " + COLUMNS + " from tag where slug = ?").param(slug).query(Tag.class).optional();
    }

    List<Tag> findBySlugs(Collection<String> slugs) {
        return jdbc.sql("select " + COLUMNS + " from tag where slug = any(?)")
                .param(slugs.toArray(String[]::new)).query(Tag.class).list();
    }

    void insert(TagForm form, String kind) {
        jdbc.sql("insert into tag (slug, name, kind) values (?, ?, ?)")
                .params(form.slug(), form.name().strip(), kind).update();
    }

    List<Tag> findAll() {
        return jdbc.sql("select " + COLUMNS + " from tag order by name").query(Tag.class).list();
    }
}
