package org.broadsheet.wordpress;

import java.net.URI;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

    private final Map<Long, String> attachments = new HashMap<>();
    private final Map<String, Long> paths = new HashMap<>();
    private final Set<String> hosts = new HashSet<>();
    private int items;

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
