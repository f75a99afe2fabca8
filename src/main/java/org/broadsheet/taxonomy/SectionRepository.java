package org.broadsheet.taxonomy;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SectionRepository extends TermRepository<Section> {

    /** A new section goes last in the navigation. */
    private static final String LAST = "(select coalesce(max(position), 0) + 1 from section)";

    SectionRepository(JdbcClient jdbc) {
        super(
                jdbc,
                Taxonomy.SECTION,
                "t.id, t.slug, t.name, t.description, t.position",
                (rs, n) -> new Section(
                        rs.getLong("id"),
                        rs.getString("slug"),
                        rs.getString("name"),
                        rs.getString("description"),
                        rs.getInt("position")),
                List.of(
                        Column.of("description", f -> TermForm.text(f.description())),
                        Column.insertedAs("position", LAST)));
    }

    void setPosition(long id, int position) {
        jdbc.sql("update section set position = ? where id = ?")
                .params(position, id)
                .update();
    }
}
