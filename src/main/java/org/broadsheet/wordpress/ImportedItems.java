package org.broadsheet.wordpress;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code wordpress_item} table: what each WordPress item became (V13). */
@Component
record ImportedItems(JdbcClient jdbc) {

    enum Kind {
        POST,
        PAGE,
        ATTACHMENT,
        COMMENT;

        String db() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** This transaction's commit does not wait for its write-ahead log to reach the disk. */
    void commitWithoutWaiting() {
        jdbc.sql("set local synchronous_commit = off").update();
    }

    /** What the item became, when an earlier run imported it. */
    Optional<Long> target(Kind kind, long wpId) {
        return jdbc.sql("select target_id from wordpress_item where kind = ? and wp_id = ? and target_id is not null")
                .params(kind.db(), wpId)
                .query(Long.class)
                .optional();
    }

    /** What each of {@code wpIds} became, for those an earlier run imported: one query for a post's comments. */
    java.util.Map<Long, Long> targets(Kind kind, java.util.List<Long> wpIds) {
        if (wpIds.isEmpty()) {
            return java.util.Map.of();
        }
        java.util.Map<Long, Long> targets = new java.util.HashMap<>();
        jdbc.sql("""
                        select wp_id, target_id from wordpress_item
                         where kind = ? and wp_id = any(?) and target_id is not null""").params(kind.db(), wpIds.toArray(Long[]::new)).query(rs -> {
            targets.put(rs.getLong(1), rs.getLong(2));
        });
        return targets;
    }

    boolean known(Kind kind, long wpId) {
        return jdbc.sql("select exists (select 1 from wordpress_item where kind = ? and wp_id = ?)")
                .params(kind.db(), wpId)
                .query(Boolean.class)
                .single();
    }

    void record(
            Kind kind, long wpId, String guid, @Nullable Long target, @Nullable String oldPath, @Nullable String url) {
        jdbc.sql("""
                        insert into wordpress_item (kind, wp_id, guid, target_id, old_path, url) values (?, ?, ?, ?, ?, ?)
                        on conflict (kind, wp_id) do update set guid = excluded.guid, target_id = excluded.target_id,
                            old_path = excluded.old_path, url = excluded.url, imported_at = now()
                        """).params(kind.db(), wpId, guid, target, oldPath, url).update();
    }

    /** What one item became, for {@link #recordAll}. */
    record Made(
            long wpId, String guid, long target, @Nullable String oldPath) {}

    /** As {@link #record} for many items of one kind (none an attachment), in one statement. */
    void recordAll(Kind kind, java.util.List<Made> made) {
        if (made.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into wordpress_item (kind, wp_id, guid, target_id, old_path)
                        select ?, * from unnest(?::bigint[], ?::text[], ?::bigint[], ?::text[])
                        on conflict (kind, wp_id) do update set guid = excluded.guid, target_id = excluded.target_id,
                            old_path = excluded.old_path, url = null, imported_at = now()
                        """)
                .params(
                        kind.db(),
                        made.stream().map(Made::wpId).toArray(Long[]::new),
                        made.stream().map(Made::guid).toArray(String[]::new),
                        made.stream().map(Made::target).toArray(Long[]::new),
                        made.stream().map(Made::oldPath).toArray(String[]::new))
                .update();
    }

    /** The article an old WordPress path (no trailing slash) or {@code ?p=} ID belonged to. */
    Optional<Long> articleAt(String oldPath) {
        return jdbc.sql("""
                        select target_id from wordpress_item
                         where old_path = ? and kind in ('post', 'page') and target_id is not null
                         limit 1
                        """).param(oldPath).query(Long.class).optional();
    }

    /** The article that has or had {@code slug} (the article table's own index of slugs). */
    /**
     * Brings the planner's statistics of the tables an import fills up to date. Autovacuum
     * does so only a minute or so later, and meanwhile the look-ups of each batch ({@code = any})
     * were planned as scans of what the planner still took for small tables: at 20,000 posts
     * the comment look-ups took 60 ms a batch where they take one.
     */
    void analyze() {
        jdbc.sql("analyze wordpress_item, article, article_slug, comment").update();
    }

    Optional<Long> slugOwner(String slug) {
        return jdbc.sql("select article_id from article_slug where slug = ?")
                .param(slug)
                .query(Long.class)
                .optional();
    }
}
