package org.broadsheet.taxonomy;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AuthorRepository extends TermRepository<Author> {

    AuthorRepository(JdbcClient jdbc) {
        super(
                jdbc,
                Taxonomy.AUTHOR,
                "t.id, t.slug, t.name, t.title, t.bio, t.photo_path as photo",
                (rs, n) -> new Author(
                        rs.getLong("id"),
                        rs.getString("slug"),
                        rs.getString("name"),
                        rs.getString("title"),
                        rs.getString("bio"),
                        rs.getString("photo")),
                List.of(
                        Column.of("title", f -> TermForm.text(f.title())),
                        Column.of("bio", f -> TermForm.text(f.bio())),
                        Column.of("photo_path", AuthorRepository::photo)));
    }

    /** Whether a staff account writes as author {@code id} ({@code staff_user.author_id}). */
    boolean isStaffByline(long id) {
        return jdbc.sql("select exists (select 1 from staff_user where author_id = ?)")
                .param(id)
                .query(Boolean.class)
                .single();
    }

    /** A blank photo is none. */
    private static @Nullable String photo(TermForm form) {
        String photo = TermForm.text(form.photo());
        return photo.isEmpty() ? null : photo;
    }
}
