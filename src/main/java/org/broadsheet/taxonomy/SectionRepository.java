package org.broadsheet.taxonomy;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SectionRepository extends TermRepository<Section> {

    SectionRepository(JdbcClient jdbc) {
        super(jdbc, Taxonomy.SECTION, "t.id, t.slug, t.name, t.description, t.position", Section.class);
    }

    /** A new section goes last in the navigation. */
    @Override
    long insert(TermForm form) {
        return jdbc.sql("""
                        insert into section (slug, name, description, position)
                        values (?, ?, ?, (select coalesce(max(position), 0) + 1 from section))
                        returning id""")
                .params(form.slug(), form.name().strip(), TermForm.text(form.description()))
                .query(Long.class)
                .single();
    }

    @Override
    void update(long id, TermForm form) {
        jdbc.sql("update section set slug = ?, name = ?, description = ? where id = ?")
                .params(form.slug(), form.name().strip(), TermForm.text(form.description()), id)
                .update();
    }

    void setPosition(long id, int position) {
        jdbc.sql("update section set position = ? where id = ?")
                .params(position, id)
                .update();
    }
}
