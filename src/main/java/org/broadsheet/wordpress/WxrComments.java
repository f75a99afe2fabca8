package org.broadsheet.wordpress;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.broadsheet.comment.CommentForm;
import org.broadsheet.comment.CommentStatus;
import org.broadsheet.comment.Visitor;
import org.jspecify.annotations.Nullable;

/**
 * A post's comments, each in its own transaction, parents before their replies so threading
 * ({@code wp:comment_parent}) carries over. Pingbacks and trackbacks are skipped. A comment
 * already imported is left as it is.
 */
final class WxrComments {

    /** Where WordPress has no address (anonymous comments allowed): a reserved domain, never mailed. */
    static final String NO_EMAIL = "unknown@wordpress.invalid";

    /** Comment meta of our own exports: a reply in the newsroom's name. */
    static final String STAFF = "_broadsheet_staff";

    private static final Pattern IP = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    private final WordPressImporter importer;
    private final ImportReport report;
    private final boolean dryRun;

    WxrComments(WordPressImporter importer, ImportReport report, boolean dryRun) {
        this.importer = importer;
        this.report = report;
        this.dryRun = dryRun;
    }

    /** Writes one comment (its checks passed or thrown); returns its id. */
    interface Writer {
        long write(
                long wpId,
                long articleId,
                CommentForm form,
                CommentStatus status,
                boolean staff,
                Instant at,
                Visitor visitor);
    }

    /** The post's comments, each in a transaction of its own. */
    void of(WxrNode item, long articleId) {
        of(item, articleId, this::inOwnTransaction, null);
    }

    /** The WordPress IDs of the post's comments (those imported as comments). */
    static List<Long> ids(WxrNode item) {
        return item.all("wp:comment").stream().map(WxrComments::id).toList();
    }

    /**
     * The post's comments through {@code writer}; {@code imported} holds what comments of an
     * earlier run became (null: look them up).
     */
    void of(WxrNode item, long articleId, Writer writer, java.util.@Nullable Map<Long, Long> imported) {
        List<WxrNode> waiting = new ArrayList<>(item.all("wp:comment").stream()
                .filter(c -> c.text("wp:comment_type").isEmpty()
                        || c.text("wp:comment_type").equals("comment"))
                .toList());
        int others = item.all("wp:comment").size() - waiting.size();
        for (int i = 0; i < others; i++) {
            report.count("comment", ImportReport.Outcome.SKIPPED);
        }
        Map<Long, Long> made = new HashMap<>();
        if (imported != null) {
            waiting.stream()
                    .map(WxrComments::id)
                    .filter(imported::containsKey)
                    .forEach(i -> made.put(i, imported.get(i)));
        } else if (!dryRun) {
            made.putAll(importer.items()
                    .targets(
                            ImportedItems.Kind.COMMENT,
                            waiting.stream().map(WxrComments::id).toList()));
        }
        Map<Long, Long> known = Map.copyOf(made);
        boolean progress = true;
        while (!waiting.isEmpty() && progress) {
            progress = waiting.removeIf(c -> {
                long parent = WxrPost.id(c, "wp:comment_parent");
                if (parent > 0 && !made.containsKey(parent) && waiting.stream().anyMatch(w -> id(w) == parent)) {
                    return false; // its parent comes first
                }
                one(c, articleId, parent > 0 ? made.get(parent) : null, made, known, writer);
                return true;
            });
        }
    }

    private void one(
            WxrNode comment,
            long articleId,
            @Nullable Long parentId,
            Map<Long, Long> made,
            Map<Long, Long> known,
            Writer writer) {
        long wpId = id(comment);
        try {
            Long existing = known.get(wpId);
            if (existing != null || dryRun) {
                report.count(
                        "comment", existing != null ? ImportReport.Outcome.SKIPPED : ImportReport.Outcome.IMPORTED);
                if (existing != null) {
                    made.put(wpId, existing);
                }
                return;
            }
            long id = writer.write(
                    wpId,
                    articleId,
                    form(comment, parentId),
                    status(comment),
                    staff(comment),
                    date(comment),
                    visitor(comment));
            made.put(wpId, id);
            report.count("comment", ImportReport.Outcome.IMPORTED);
        } catch (RuntimeException e) {
            report.failed("comment", Long.toString(wpId), ImportRun.reason(e));
        }
    }

    private long inOwnTransaction(
            long wpId,
            long articleId,
            CommentForm form,
            CommentStatus status,
            boolean staff,
            Instant at,
            Visitor visitor) {
        return importer.inTransaction(() -> {
            long newId = importer.comments()
                    .importComment(articleId, form, status, staff, at, visitor)
                    .id();
            importer.items().record(ImportedItems.Kind.COMMENT, wpId, "", newId, null, null);
            return newId;
        });
    }

    static CommentForm form(WxrNode comment, @Nullable Long parentId) {
        String name = comment.text("wp:comment_author").strip();
        String email = comment.text("wp:comment_author_email").strip();
        String url = comment.text("wp:comment_author_url").strip();
        boolean webAddress =
                (url.startsWith("http://") || url.startsWith("https://")) && url.length() <= CommentForm.WEBSITE_MAX;
        return new CommentForm(
                WxrPost.cut(name.isEmpty() ? "Anonymous" : name, CommentForm.NAME_MAX),
                email.isEmpty() || email.length() > CommentForm.EMAIL_MAX ? NO_EMAIL : email,
                webAddress ? url : null,
                WxrPost.cut(comment.text("wp:comment_content"), CommentForm.TEXT_MAX),
                parentId);
    }

    static CommentStatus status(WxrNode comment) {
        return switch (comment.text("wp:comment_approved").strip()) {
            case "1" -> CommentStatus.APPROVED;
            case "spam" -> CommentStatus.SPAM;
            case "trash", "post-trashed" -> CommentStatus.TRASH;
            default -> CommentStatus.PENDING;
        };
    }

    /** Our own exports mark the newsroom's replies with comment meta {@code _broadsheet_staff}. */
    static boolean staff(WxrNode comment) {
        return WxrPost.meta(comment, "wp:commentmeta", STAFF).contains("1");
    }

    static Visitor visitor(WxrNode comment) {
        String ip = comment.text("wp:comment_author_IP").strip();
        String agent = comment.text("wp:comment_agent").strip();
        return new Visitor(IP.matcher(ip).matches() && ip.length() <= 45 ? ip : null, agent.isEmpty() ? null : agent);
    }

    private static Instant date(WxrNode comment) {
        Instant at = WxrPost.date(comment, "wp:comment_date_gmt", "wp:comment_date");
        return at == null ? Instant.EPOCH : at;
    }

    private static long id(WxrNode comment) {
        return WxrPost.id(comment, "wp:comment_id");
    }
}
