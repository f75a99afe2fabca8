package org.broadsheet.backup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipFile;

/** Reads article ids back out of an archive, to see whether its tables agree with each other. */
final class OnlineSnapshot {

    private OnlineSnapshot() {}

    /**
     * The article ids each table holds: {@code article}'s own ids, and the {@code article_id} of
     * {@code article_slug} and {@code article_revision}.
     */
    static Map<String, Set<String>> ids(Path archive) throws IOException {
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            Manifest manifest =
                    ArchiveWriter.JSON.readValue(zip.getInputStream(zip.getEntry(Manifest.NAME)), Manifest.class);
            Map<String, Set<String>> ids = new HashMap<>();
            for (Manifest.Table table : manifest.tables()) {
                String column = table.name().equals("article") ? "id" : "article_id";
                if (Set.of("article", "article_slug", "article_revision").contains(table.name())) {
                    ids.put(table.name(), column(zip, table, table.columns().indexOf(column)));
                }
            }
            return ids;
        }
    }

    private static Set<String> column(ZipFile zip, Manifest.Table table, int index) throws IOException {
        Set<String> values = new TreeSet<>();
        try (BufferedReader rows = new BufferedReader(new InputStreamReader(
                zip.getInputStream(zip.getEntry(table.entry().name())), StandardCharsets.UTF_8))) {
            for (String row; (row = rows.readLine()) != null; ) {
                values.add(row.split("\t", -1)[index]);
            }
        }
        return values;
    }
}
