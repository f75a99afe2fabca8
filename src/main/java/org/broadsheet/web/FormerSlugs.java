package org.broadsheet.web;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The slugs a section, tag or author had before it was renamed, kept in a table
 * {@code {kind}_slug (slug primary key, {kind}_id)} beside the {@code {kind}} table, so that
 * old addresses can answer 301 with the new one ({@link MovedAddresses}). A live slug always
 * wins: whatever takes a slug ends its life as anyone's former slug.
 */
public final class FormerSlugs {

    private final JdbcClient jdbc;
    private final String find;
    private final String remember;
    private final String forget;

    /** @param kind the owning table's name, one of the schema's own ({@code "section"}); never input */
    public FormerSlugs(JdbcClient jdbc, String kind) {
        if (!kind.matches("[a-z]+")) {
            throw new IllegalArgumentException("Not a table name: " + kind);
        }
        this.jdbc = jdbc;
        this.find = "select t.slug from " + kind + "_slug o join " + kind + " t on t.id = o." + kind
                + "_id where o.slug = ?";
        this.remember = "insert into " + kind + "_slug (slug, " + kind + "_id) values (?, ?) "
                + "on conflict (slug) do update set " + kind + "_id = excluded." + kind + "_id";
        this.forget = "delete from " + kind + "_slug where slug = ?";
    }

    /** The current slug of whatever once had {@code oldSlug}. */
    public Optional<String> findRenamed(String oldSlug) {
        return jdbc.sql(find).param(oldSlug).query(String.class).optional();
    }

    /**
     * Called when the owner's slug goes from {@code before} to {@code after} (nothing happens
     * when they are equal): {@code after} is no longer anyone's former slug, and {@code before}
     * now leads to the owner.
     */
    public void renamed(String before, String after, long ownerId) {
        if (!before.equals(after)) {
            forget(after);
            jdbc.sql(remember).params(before, ownerId).update();
        }
    }

    /** Called when something takes {@code slug}: it is no longer anyone's former slug. */
    public void forget(String slug) {
        jdbc.sql(forget).param(slug).update();
    }
}
