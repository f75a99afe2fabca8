package org.broadsheet.author;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.broadsheet.web.FormerSlugs;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AuthorRepository {

    private static final String COLUMNS = "id, slug, name, title, bio, photo_path as photo";

    private static final RowMapper<AuthorSummary> SUMMARY = (rs, n) -> new AuthorSummary(
            new Author(
                    rs.getLong("id"),
                    rs.getString("slug"),
                    rs.getString("name"),
                    rs.getString("title"),
                    rs.getString("bio"),
                    rs.getString("photo")),
            rs.getLong("articles"));

    private final JdbcClient jdbc;
    private final FormerSlugs formerSlugs;

    AuthorRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.formerSlugs = new FormerSlugs(jdbc, "author");
    }

    Optional<Author> findBySlug(String slug) {
        return jdbc.sql("select " + COLUMNS + " from author where slug = ?")
                .param(slug)
                .query(Author.class)
                .optional();
    }

    Optional<Author> findById(long id) {
        return jdbc.sql("select " + COLUMNS + " from author where id = ?")
                .param(id)
                .query(Author.class)
                .optional();
    }

    List<Author> findBySlugs(Collection<String> slugs) {
        return jdbc.sql("select " + COLUMNS + " from author where slug = any(?)")
                .param(slugs.toArray(String[]::new))
                .query(Author.class)
                .list();
    }

    List<Author> findAll() {
        return jdbc.sql("select " + COLUMNS + " from author order by name")
                .query(Author.class)
                .list();
    }

    List<AuthorSummary> findSummaries() {
        return jdbc.sql("select " + COLUMNS + """
                        , (select count(*) from article_author aa where aa.author_id = author.id) as articles
                          from author order by lower(name), id""").query(SUMMARY).list();
    }

    long countArticles(long id) {
        return jdbc.sql("select count(*) from article_author where author_id = ?")
                .param(id)
                .query(Long.class)
                .single();
    }

    long insert(AuthorForm form) {
        return jdbc.sql("insert into author (slug, name, title, bio, photo_path) values (?, ?, ?, ?, ?) returning id")
                .params(
                        form.slug(),
                        form.name().strip(),
                        blankToEmpty(form.title()),
                        blankToEmpty(form.bio()),
                        blankToNull(form.photo()))
                .query(Long.class)
                .single();
    }

    void update(long id, AuthorForm form) {
        jdbc.sql("update author set slug = ?, name = ?, title = ?, bio = ?, photo_path = ? where id = ?")
                .params(
                        form.slug(),
                        form.name().strip(),
                        blankToEmpty(form.title()),
                        blankToEmpty(form.bio()),
                        blankToNull(form.photo()),
                        id)
                .update();
    }

    void delete(long id) {
        jdbc.sql("delete from author where id = ?").param(id).update();
    }

    /** Slugs this author had before a rename. */
    FormerSlugs formerSlugs() {
        return formerSlugs;
    }

    private static String blankToEmpty(String s) {
        return s == null ? "" : s.strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
