package org.broadsheet.article;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads the article columns the repositories share (times, the lead image, notes, arrays) from a result row. */
final class ArticleColumns {

    private ArticleColumns() {}

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
