package org.broadsheet.wordpress;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.broadsheet.article.LeadImage;
import org.broadsheet.media.MediaLibrary;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Attachments: each image is stored in the media library, in a transaction of its own, from
 * the local copy of {@code wp-content/uploads} ({@code --uploads DIR}) when it has the file,
 * else fetched from its URL when that answers; otherwise (or when it is not an image) the
 * original URL is kept in {@code wordpress_item} and reported. A post's {@code _thumbnail_id} becomes its lead image once its attachment is in.
 */
final class WxrAttachments {

    private final WordPressImporter importer;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ImportReport report;
    private final @Nullable Path uploads;
    private final boolean dryRun;

    WxrAttachments(WordPressImporter importer, ImportReport report, @Nullable Path uploads, boolean dryRun) {
        this.importer = importer;
        this.report = report;
        this.uploads = uploads == null ? null : uploads.toAbsolutePath().normalize();
        this.dryRun = dryRun;
    }

    void attachment(WxrNode item) {
        long wpId = WxrPost.id(item, "wp:post_id");
        String url = item.text("wp:attachment_url").strip();
        if (dryRun
                || importer.items().target(ImportedItems.Kind.ATTACHMENT, wpId).isPresent()) {
            report.count("attachment", dryRun ? ImportReport.Outcome.IMPORTED : ImportReport.Outcome.SKIPPED);
            return;
        }
        Path file = local(url);
        try {
            if (file == null) {
                file = fetched(url);
            }
            if (file == null) {
                keep(item, wpId, url);
                report.count("attachment", ImportReport.Outcome.SKIPPED);
                report.note("attachment " + wpId + ": kept as its URL " + url + " (no local copy, not reachable)");
                return;
            }
            store(item, wpId, url, file);
            report.count("attachment", ImportReport.Outcome.IMPORTED);
        } catch (IOException e) {
            keep(item, wpId, url);
            report.failed(
                    "attachment",
                    wpId + " " + url,
                    "kept as its URL: " + e.getClass().getSimpleName());
        } catch (RuntimeException e) {
            keep(item, wpId, url);
            report.failed("attachment", wpId + " " + url, "kept as its URL: " + ImportRun.reason(e));
        } finally {
            if (file != null && !file.startsWith(uploadsOrNone())) {
                deleteQuietly(file);
            }
        }
    }

    private Path uploadsOrNone() {
        return uploads == null ? Path.of("/nonexistent-uploads") : uploads;
    }

    /**
     * The file at {@code url} (http or https) in a temporary file, or null when it cannot be had:
     * unreachable, slow (5 s to connect, 30 s in all), not 200, larger than 50 MB, or at an
     * address only this server can reach ({@link AttachmentFetch}).
     */
    @Nullable
    Path fetched(String url) {
        try {
            return new AttachmentFetch(importer.settings().fetchPrivateAddresses(), AttachmentFetch.MAX_BYTES)
                    .fetch(url);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a temporary file: the system cleans its temporary directory
        }
    }

    private void store(WxrNode item, long wpId, String url, Path file) throws IOException {
        String caption = WxrPost.cut(WxrBodies.plain(item.text("excerpt:encoded")), 500);
        try (InputStream in = Files.newInputStream(file)) {
            importer.inTransaction(() -> {
                String name = file.getFileName().toString();
                long id = importer.uploads()
                        .upload(name, in, null, alt(item), caption, "")
                        .id();
                importer.items().record(ImportedItems.Kind.ATTACHMENT, wpId, guid(item), id, null, url);
                return id;
            });
        }
    }

    private void keep(WxrNode item, long wpId, String url) {
        importer.items().record(ImportedItems.Kind.ATTACHMENT, wpId, guid(item), null, null, url);
    }

    private static String guid(WxrNode item) {
        return item.text("guid").strip();
    }

    /** The file under {@code --uploads} for an uploads URL, or null (none given, outside it, missing). */
    @Nullable
    Path local(String url) {
        if (uploads == null) {
            return null;
        }
        try {
            String path = URI.create(url).getPath();
            int at = path == null ? -1 : path.indexOf("/uploads/");
            if (at < 0) {
                return null;
            }
            Path file =
                    uploads.resolve(path.substring(at + "/uploads/".length())).normalize();
            return file.startsWith(uploads) && Files.isRegularFile(file) ? file : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The lead image of a post from its {@code _thumbnail_id}; null when it has none or its
     * attachment is not in the library. {@code pending} is told when the attachment may come later.
     */
    @Nullable
    LeadImage leadImage(WxrNode item, String headline, Runnable pending) {
        long thumbnail = -1;
        for (WxrNode meta : item.all("wp:postmeta")) {
            if (meta.text("wp:meta_key").equals("_thumbnail_id")) {
                thumbnail = WxrPost.id(meta, "wp:meta_value");
            }
        }
        LeadImage own = own(item);
        if (dryRun) {
            return null;
        }
        if (thumbnail < 0) {
            return own; // a picture by path (our own exports'), or none
        }
        if (!importer.items().known(ImportedItems.Kind.ATTACHMENT, thumbnail)) {
            pending.run();
            return null;
        }
        MediaLibrary library = importer.library();
        return importer.items()
                .target(ImportedItems.Kind.ATTACHMENT, thumbnail)
                .flatMap(library::image)
                .map(image -> own != null
                        ? LeadImage.fromLibrary(image, own.alt(), own.caption(), own.credit())
                        : LeadImage.fromLibrary(image, image.alt().isBlank() ? headline : "", "", ""))
                .orElse(null);
    }

    /** The lead image our own exports describe ({@code _broadsheet_image}), or null; the article's rules check it. */
    private @Nullable LeadImage own(WxrNode item) {
        List<String> json = WxrPost.meta(item, "wp:postmeta", WxrItems.IMAGE);
        if (json.isEmpty()) {
            return null;
        }
        try {
            JsonNode image = JSON.readTree(json.get(0));
            return new LeadImage(
                    image.path("path").asString(""),
                    image.path("alt").asString(""),
                    image.path("caption").asString(""),
                    image.path("credit").asString(""),
                    image.path("width").isInt() ? image.get("width").asInt() : null,
                    image.path("height").isInt() ? image.get("height").asInt() : null);
        } catch (tools.jackson.core.JacksonException e) {
            report.note("post " + ImportRun.describe(item) + ": its lead image could not be read");
            return null;
        }
    }

    private static String alt(WxrNode item) {
        for (WxrNode meta : item.all("wp:postmeta")) {
            if (meta.text("wp:meta_key").equals("_wp_attachment_image_alt")) {
                return WxrPost.cut(meta.text("wp:meta_value").strip(), 300);
            }
        }
        return "";
    }
}
