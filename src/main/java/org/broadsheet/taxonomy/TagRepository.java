package org.broadsheet.taxonomy;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class TagRepository extends TermRepository<Tag> {

    TagRepository(JdbcClient jdbc) {
        super(
                jdbc,
                Taxonomy.TAG,
                "t.id, t.slug, t.name, t.kind, t.description",
                (rs, n) -> new Tag(
                        rs.getLong("id"),
                        rs.getString("slug"),
                        rs.getString("name"),
                        rs.getString("kind"),
                        rs.getString("description")),
                List.of(
                        Column.of("kind", TermForm::kind),
                        Column.of("description", f -> TermForm.text(f.description()))));
    }
}
