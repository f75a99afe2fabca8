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
                Tag.class,
                List.of(
                        Column.of("kind", TermForm::kind),
                        Column.of("description", f -> TermForm.text(f.description()))));
    }
}
