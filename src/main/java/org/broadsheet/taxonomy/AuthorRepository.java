package org.broadsheet.taxonomy;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AuthorRepository extends TermRepository<Author> {

    AuthorRepository(JdbcClient jdbc) {
        super(jdbc, Taxonomy.AUTHOR, "t.id, t.slug, t.name, t.title, t.bio, t.photo_path as photo", Author.class);
    }

    @Override
    long insert(TermForm form) {
        return jdbc.sql("insert into author (slug, name, title, bio, photo_path) values (?, ?, ?, ?, ?) returning id")
                .params(
                        form.slug(),
                        form.name().strip(),
                        TermForm.text(form.title()),
                        TermForm.text(form.bio()),
                        photo(form))
                .query(Long.class)
                .single();
    }

    @Override
    void update(long id, TermForm form) {
        jdbc.sql("update author set slug = ?, name = ?, title = ?, bio = ?, photo_path = ? where id = ?")
                .params(
                        form.slug(),
                        form.name().strip(),
                        TermForm.text(form.title()),
                        TermForm.text(form.bio()),
                        photo(form),
                        id)
                .update();
    }

    /** Whether a staff account writes as author {@code id} ({@code staff_user.author_id}). */
    boolean isStaffByline(long id) {
        return jdbc.sql("select exists (select 1 from staff_user where author_id = ?)")
                .param(id)
                .query(Boolean.class)
                .single();
    }

    private static @Nullable String photo(TermForm form) {
        String photo = TermForm.text(form.photo());
        return photo.isEmpty() ? null : photo;
    }
}
