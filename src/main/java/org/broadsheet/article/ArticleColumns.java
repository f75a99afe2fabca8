package org.broadsheet.article;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The article columns the repositories share: the select list and the parts it joins, and how
 * to read times, the lead image, notes and arrays from a result row.
 */
final class ArticleColumns {

    private ArticleColumns() {}

    /** An article's columns in full, with its section ({@code s}); its authors, tags and notes from {@link #PARTS}. */
    static final String ARTICLE = """
            a.id, a.slug, a.headline, a.standfirst, a.body_markdown, a.body_html, a.section_id,
            s.slug as section_slug, s.name as section_name, a.status, a.published_at, a.updated_at, a.created_at,
            a.image_path, a.image_alt, a.image_caption, a.image_credit, a.image_width, a.image_height, a.image_media_id,
            a.comments_open,
            au.slugs as author_slugs, au.names as author_names,
            tg.slugs as tag_slugs, tg.names as tag_names, tg.kinds as tag_kinds,
            nt.kinds as note_kinds, nt.times as note_times, nt.bodies as note_bodies
            """;

    /**
     * What {@link #ARTICLE} reads of an article's authors, tags and notes: one lateral
     * subquery for each, not one per column (null arrays where there are none). After the
     * {@code from} clause that names the article {@code a}.
     */
    static final String PARTS = """
             cross join lateral (select array_agg(au.slug order by aa.position) as slugs,
                    array_agg(au.name order by aa.position) as names
                from article_author aa join author au on au.id = aa.author_id where aa.article_id = a.id) au
             cross join lateral (select array_agg(t.slug order by at.position) as slugs,
                    array_agg(t.name order by at.position) as names, array_agg(t.kind order by at.position) as kinds
                from article_tag at join tag t on t.id = at.tag_id where at.article_id = a.id) tg
             cross join lateral (select array_agg(n.kind order by n.noted_at, n.id) as kinds,
                    array_agg(n.noted_at order by n.noted_at, n.id) as times,
                    array_agg(n.body order by n.noted_at, n.id) as bodies
                from article_note n where n.article_id = a.id) nt
            """;

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    static LeadImage image(ResultSet rs) throws SQLException {
        String path = rs.getString("image_path");
        if (path == null) {
            return null;
        }
        return new LeadImage(
                path,
                rs.getString("image_alt"),
                rs.getString("image_caption"),
                rs.getString("image_credit"),
                (Integer) rs.getObject("image_width"),
                (Integer) rs.getObject("image_height"),
                (Long) rs.getObject("image_media_id"),
                null);
    }

    static List<NoteRow> notes(ResultSet rs) throws SQLException {
        List<String> kinds = strings(rs.getArray("note_kinds"));
        if (kinds.isEmpty()) {
            return List.of();
        }
        Timestamp[] times = (Timestamp[]) rs.getArray("note_times").getArray();
        List<String> bodies = strings(rs.getArray("note_bodies"));
        List<NoteRow> notes = new ArrayList<>(kinds.size());
        for (int i = 0; i < kinds.size(); i++) {
            notes.add(new NoteRow(NoteKind.fromDb(kinds.get(i)), times[i].toInstant(), bodies.get(i)));
        }
        return notes;
    }

    static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
