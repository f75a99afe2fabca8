package org.broadsheet.backup;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What an archive holds, written as {@code manifest.json}, its last entry. An archive is a zip
 * file:
 * <ul>
 *   <li>{@code database/TABLE.tsv}: a table's rows in PostgreSQL's {@code COPY} text format,
 *       its columns those {@link Table#columns()} names, in that order;
 *   <li>{@code media/KEY}: a media file, stored under {@code KEY} in {@code media.MediaStorage};
 *   <li>{@code manifest.json}: this record.
 * </ul>
 * Every entry but the manifest is listed with its size and SHA-256; the manifest itself is
 * checked by the zip's CRC-32. Sequences are values, not entries. Flyway's own history table is
 * not copied: {@link #schemaVersion()} says which migrations made the schema, and a restore runs
 * those to make it again.
 *
 * @param format this layout's version ({@link #FORMAT}); a restore refuses any other
 * @param schemaVersion the Flyway version of the newest migration applied when the backup was made
 * @param createdAt when the snapshot was taken (ISO-8601)
 * @param media every media file, its key being its entry's name after {@code media/}
 */
record Manifest(
        int format,
        String schemaVersion,
        String createdAt,
        List<Table> tables,
        List<Sequence> sequences,
        List<Entry> media) {

    static final int FORMAT = 1;

    static final String NAME = "manifest.json";

    /** An archived file: where it is in the zip, its size in bytes and its SHA-256 (hex). */
    record Entry(String name, long size, String sha256) {}

    /** A table: its name, the columns its rows give, how many rows, and its entry. */
    record Table(String name, List<String> columns, long rows, Entry entry) {}

    /** A sequence's value; {@code called} false when nothing was ever drawn from it. */
    record Sequence(String name, long value, boolean called) {}

    static String tableEntry(String table) {
        return "database/" + table + ".tsv";
    }

    static String mediaEntry(String key) {
        return "media/" + key;
    }

    /** The key of a media entry's name, or null when the name is not one. */
    static @Nullable String mediaKey(String entryName) {
        return entryName.startsWith("media/") ? entryName.substring("media/".length()) : null;
    }
}
