package org.broadsheet.author;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AuthorRepository {

    private static final String COLUMNS = "id, slug, name, title, bio";

    private final JdbcClient jdbc;

    AuthorRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Author> findBySlug(String slug) {
        return jdbc.sql("select " + COLUMNS + " from author where slug = ?").param(slug).query(Author.class)
                .optional();
    }

    List<Author> findBySlugs(Collection<String> slugs) {
        return jdbc.sql("select " + COLUMNS + " from author where slug = any(?)")
                .param(slugs.toArray(String[]::new)).query(Author.class).list();
    }

    List<Author> findAll() {
        return jdbc.sql("select " + COLUMNS + " from author order by name").query(Author.class).list();
    }

    long insert(AuthorForm form) {
        return jdbc.sql("insert into author (slug, name, title, bio) values (?, ?, ?, ?) returning id")
                .params(form.slug(), form.name().strip(), blankToEmpty(form.title()), blankToEmpty(form.bio()))
                .query(Long.class).single();
    }

    private static String blankToEmpty(String s) {
        return s == null ? "" : s.strip();
    }
}
