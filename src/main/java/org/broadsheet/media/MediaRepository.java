package org.broadsheet.media;

import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class MediaRepository {

    private static final String COLUMNS = """
            id, storage_key, filename, type, width, height, bytes, rendition_type, rendition_widths,
            rendition_heights, alt, caption, credit, uploaded_by, created_at""";

    /** Matches a search in the file name, the alt text or the caption, ignoring case. */
    private static final String MATCHES = """
            (cast(:pattern as text) is null or filename ilike :pattern or alt ilike :pattern or caption ilike :pattern)""";

    private static final RowMapper<MediaRow> ROW = (rs, n) -> new MediaRow(
            rs.getLong("id"),
            rs.getString("storage_key"),
            rs.getString("filename"),
            type(rs.getString("type")),
            rs.getInt("width"),
            rs.getInt("height"),
            rs.getLong("bytes"),
            type(rs.getString("rendition_type")),
            ints(rs.getArray("rendition_widths")),
            ints(rs.getArray("rendition_heights")),
            rs.getString("alt"),
            rs.getString("caption"),
            rs.getString("credit"),
            (Long) rs.getObject("uploaded_by"),
            rs.getTimestamp("created_at").toInstant());

    private final JdbcClient jdbc;

    MediaRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(
            String storageKey,
            String filename,
            ImageProcessor.Prepared image,
            long bytes,
            String alt,
            String caption,
            String credit,
            @Nullable Long uploadedBy) {
        return jdbc.sql("""
                        insert into media (storage_key, filename, type, width, height, bytes, rendition_type,
                                           rendition_widths, rendition_heights, alt, caption, credit, uploaded_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        returning id""")
                .params(
                        storageKey,
                        filename,
                        db(image.type()),
                        image.width(),
                        image.height(),
                        bytes,
                        db(image.renditionType()),
                        image.renditions().stream()
                                .map(ImageProcessor.Rendition::width)
                                .toArray(Integer[]::new),
                        image.renditions().stream()
                                .map(ImageProcessor.Rendition::height)
                                .toArray(Integer[]::new),
                        alt,
                        caption,
                        credit,
                        uploadedBy)
                .query(Long.class)
                .single();
    }

    Optional<MediaRow> findById(long id) {
        return jdbc.sql("select " + COLUMNS + " from media where id = ?")
                .param(id)
                .query(ROW)
                .optional();
    }

    List<MediaRow> findByIds(Collection<Long> ids) {
        return jdbc.sql("select " + COLUMNS + " from media where id = any(?)")
                .param(ids.toArray(Long[]::new))
                .query(ROW)
                .list();
    }

    /** Newest first; {@code pattern} is an ILIKE pattern, or null for everything. */
    List<MediaRow> search(String pattern, int limit, long offset) {
        return jdbc.sql("select " + COLUMNS + " from media where " + MATCHES
                        + " order by created_at desc, id desc limit :limit offset :offset")
                .param("pattern", pattern)
                .param("limit", limit)
                .param("offset", offset)
                .query(ROW)
                .list();
    }

    long count(String pattern) {
        return jdbc.sql("select count(*) from media where " + MATCHES)
                .param("pattern", pattern)
                .query(Long.class)
                .single();
    }

    boolean updateDetails(long id, String alt, String caption, String credit) {
        return jdbc.sql("update media set alt = ?, caption = ?, credit = ? where id = ?")
                        .params(alt, caption, credit, id)
                        .update()
                == 1;
    }

    /** Deletes the row; throws {@link org.springframework.dao.DataIntegrityViolationException} while an article uses it. */
    boolean delete(long id) {
        return jdbc.sql("delete from media where id = ?").param(id).update() == 1;
    }

    /** Those of {@code storageKeys} that some row has. */
    Set<String> existingKeys(Collection<String> storageKeys) {
        return Set.copyOf(jdbc.sql("select storage_key from media where storage_key = any(?)")
                .param(storageKeys.toArray(String[]::new))
                .query(String.class)
                .list());
    }

    long count() {
        return jdbc.sql("select count(*) from media").query(Long.class).single();
    }

    private static String db(ImageType type) {
        return type.name().toLowerCase(Locale.ROOT);
    }

    private static ImageType type(String db) {
        return ImageType.valueOf(db.toUpperCase(Locale.ROOT));
    }

    private static List<Integer> ints(Array array) throws SQLException {
        return Arrays.asList((Integer[]) array.getArray());
    }
}
