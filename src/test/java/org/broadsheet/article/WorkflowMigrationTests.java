package org.broadsheet.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javax.sql.DataSource;
import org.broadsheet.BroadsheetTest;
import org.broadsheet.testkit.Unique;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A site that already has articles when V4 arrives: each gets its content as revision 1, in
 * the shape {@link Revisions} reads. Runs the migrations into a schema of its own, named for
 * the test, which no other test looks at and which is left as it is.
 */
@BroadsheetTest
class WorkflowMigrationTests {

    private final String schema = Unique.slug("v4check").replace('-', '_');

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Revisions revisions;

    @Test
    void existingArticlesGetTheirContentAsRevisionOne() {
        migrate("3");
        jdbc.sql(inSchema("""
                    with s as (insert into v4check.section (slug, name) values ('world', 'World') returning id),
                         au as (insert into v4check.author (slug, name) values ('ana-silva', 'Ana Silva') returning id),
                         t as (insert into v4check.tag (slug, name) values ('energy', 'Energy') returning id),
                         a as (insert into v4check.article (slug, headline, standfirst, body_markdown, section_id,
                                                            status, published_at, image_path, image_alt, image_width)
                               select 'grid-upgrade', 'Grid upgrade approved', 'A short standfirst.', 'Body *text*.',
                                      s.id, 'published', now(), '/media/grid.jpg', 'Pylons at dusk', 800 from s
                               returning id),
                         aa as (insert into v4check.article_author (article_id, author_id, position)
                                select a.id, au.id, 0 from a, au)
                    insert into v4check.article_tag (article_id, tag_id, position) select a.id, t.id, 0 from a, t""")).update();
        migrate("4");

        String content = jdbc.sql(inSchema("select content::text from v4check.article_revision where number = 1"))
                .query(String.class)
                .single();
        assertThat(revisions.fromJson(content))
                .isEqualTo(new ArticleForm(
                        "grid-upgrade",
                        "Grid upgrade approved",
                        "A short standfirst.",
                        "Body *text*.",
                        "world",
                        List.of("ana-silva"),
                        List.of("energy"),
                        new LeadImage("/media/grid.jpg", "Pylons at dusk", null, null, 800, null)));
        assertThat(jdbc.sql(inSchema("select version from v4check.article"))
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    /** The SQL, written for a schema {@code v4check}, for this test's own schema. */
    private String inSchema(String sql) {
        return sql.replace("v4check.", schema + ".");
    }

    private void migrate(String target) {
        Flyway.configure()
                .dataSource(dataSource)
                .schemas(schema)
                .locations("classpath:db/migration")
                .target(target)
                .load()
                .migrate();
    }
}
