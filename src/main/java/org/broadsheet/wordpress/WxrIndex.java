package org.broadsheet.wordpress;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import org.jspecify.annotations.Nullable;

/**
 * What the first reading of a file learns, so the import needs no look-ahead: how many items
 * (the progress line's end), the attachments' URLs (galleries name them by ID), and the old
 * address of every post and page (links between posts, including those to posts further on).
 * A few dozen bytes a post.
 */
final class WxrIndex {

    /** What the index reads of an item: the file's first reading keeps only these ({@link WxrReader}). */
    static final java.util.Set<String> FIELDS =
            java.util.Set.of("wp:post_id", "wp:post_type", "wp:attachment_url", "link");

    /** A first reading begun ahead ({@link #readAhead}), with the file's size and time when it began. */
    private record Ahead(Path file, long size, java.nio.file.attribute.FileTime modified, Future<WxrIndex> index) {}

    private static final java.util.concurrent.atomic.AtomicReference<@Nullable Ahead> AHEAD =
            new java.util.concurrent.atomic.AtomicReference<>();

    private final Map<Long, String> attachments = new HashMap<>();
    private final Map<String, Long> paths = new HashMap<>();
    private final Set<String> hosts = new HashSet<>();
    private int items;

    /**
     * Begins the first reading of {@code file} on a thread of its own; {@link #of} takes it up if
     * it is asked for the same file, unchanged. For the command line, where the reading can run
     * while the database and the services start.
     */
    static void readAhead(Path file) {
        try {
            Path real = file.toRealPath();
            var attributes = Files.readAttributes(real, java.nio.file.attribute.BasicFileAttributes.class);
            FutureTask<WxrIndex> task = new FutureTask<>(() -> read(real));
            Thread thread = new Thread(task, "broadsheet:wordpress-read-ahead");
            thread.setDaemon(true);
            AHEAD.set(new Ahead(real, attributes.size(), attributes.lastModifiedTime(), task));
            thread.start();
        } catch (IOException e) {
            // unreadable: the import itself says so
        }
    }

    /** The first reading of {@code file}: the one begun ahead for it if the file has not changed since, else now. */
    static WxrIndex of(Path file) throws WxrRefused, IOException {
        Ahead ahead = AHEAD.getAndSet(null);
        Path real = file.toRealPath();
        var attributes = Files.readAttributes(real, java.nio.file.attribute.BasicFileAttributes.class);
        if (ahead == null
                || !ahead.file().equals(real)
                || ahead.size() != attributes.size()
                || !ahead.modified().equals(attributes.lastModifiedTime())) {
            if (ahead != null) {
                ahead.index().cancel(true);
            }
            return read(real);
        }
        try {
            return ahead.index().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the file was read", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WxrRefused refused) {
                throw refused;
            }
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException(e.getCause());
        }
    }

    private static WxrIndex read(Path file) throws WxrRefused, IOException {
        WxrIndex index = new WxrIndex();
        WxrReader.read(file, FIELDS, index::add); // checks the whole file; keeps a few fields of each item
        return index;
    }

    void add(WxrNode unit) {
        if (unit.name().equals("wp:base_site_url") || unit.name().equals("wp:base_blog_url")) {
            host(unit.text());
        }
        if (!unit.name().equals("item")) {
            return;
        }
        items++;
        long id = WxrPost.id(unit, "wp:post_id");
        String type = unit.text("wp:post_type");
        if (type.equals("attachment")) {
            attachments.put(id, unit.text("wp:attachment_url").strip());
        } else if (type.equals("post") || type.equals("page")) {
            String path = WxrPost.oldPath(unit.text("link"));
            if (path != null && !path.startsWith("/?p=")) {
                paths.put(path, id);
            }
            host(unit.text("link"));
        }
    }

    private void host(String url) {
        try {
            String host = URI.create(url.strip()).getHost();
            if (host != null) {
                hosts.add(host);
            }
        } catch (IllegalArgumentException e) {
            // not an address: nothing to learn from it
        }
    }

    int items() {
        return items;
    }

    Set<String> hosts() {
        return hosts;
    }

    @Nullable
    String attachmentUrl(long id) {
        return attachments.get(id);
    }

    /** The WordPress ID of the post at {@code path} ({@code /?p=ID} names it itself). */
    Optional<Long> wpIdAt(String path) {
        if (path.startsWith("/?p=")) {
            return Optional.of(Long.parseLong(path.substring(4)));
        }
        return Optional.ofNullable(paths.get(path));
    }
}
