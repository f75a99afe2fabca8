package org.broadsheet.taxonomy;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class TagRepository extends TermRepository<Tag> {

    TagRepository(JdbcClient jdbc) {
        super(jdbc, Taxonomy.TAG, "t.id, t.slug, t.name, t.kind", Tag.class);
    }

    @Override
    long insert(TermForm form) {
        return jdbc.sql("insert into tag (slug, name, kind) values (?, ?, ?) returning id")
                .params(form.slug(), form.name().strip(), form.kind())
                .query(Long.class)
                .single();
    }

    @Override
    void update(long id, TermForm form) {
        jdbc.sql("update tag set slug = ?, name = ?, kind = ? where id = ?")
                .params(form.slug(), form.name().strip(), form.kind(), id)
                .update();
    }
}
