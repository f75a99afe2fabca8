package org.broadsheet.taxonomy;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The slugs a term had before it was renamed, kept in a table
 * {@code {table}_slug (slug primary key, {table}_id)} beside the taxonomy's table, so that
 * old addresses can answer 301 with the new one. A live slug always wins: whatever takes a
 * slug ends its life as anyone's former slug.
 */
final class FormerSlugs {

    private final JdbcClient jdbc;
    private final String find;
    private final String remember;
    private final String forget;

    FormerSlugs(JdbcClient jdbc, Taxonomy taxonomy) {
        String table = taxonomy.table();
        this.jdbc = jdbc;
        this.find = "select t.slug from " + table + "_slug o join " + table + " t on t.id = o." + table
                + "_id where o.slug = ?";
        this.remember = "insert into " + table + "_slug (slug, " + table + "_id) values (?, ?) "
                + "on conflict (slug) do update set " + table + "_id = excluded." + table + "_id";
        this.forget = "delete from " + table + "_slug where slug = ?";
    }

    /** The current slug of whatever once had {@code oldSlug}. */
    Optional<String> findRenamed(String oldSlug) {
        return jdbc.sql(find).param(oldSlug).query(String.class).optional();
    }

    /**
     * Called when the owner's slug goes from {@code before} to {@code after} (nothing happens
     * when they are equal): {@code after} is no longer anyone's former slug, and {@code before}
     * now leads to the owner.
     */
    void renamed(String before, String after, long ownerId) {
        if (!before.equals(after)) {
            forget(after);
            jdbc.sql(remember).params(before, ownerId).update();
        }
    }

    /** Called when something takes {@code slug}: it is no longer anyone's former slug. */
    void forget(String slug) {
        jdbc.sql(forget).param(slug).update();
    }
}
