package org.broadsheet.wordpress;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.broadsheet.account.AccountService;
import org.broadsheet.article.ArticleForm;
import org.broadsheet.article.ArticleImports;
import org.broadsheet.article.ArticleReader;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.ArticleWorkflow;
import org.broadsheet.comment.CommentImports;
import org.broadsheet.comment.CommentService;
import org.broadsheet.media.MediaLibrary;
import org.broadsheet.media.MediaUploads;
import org.broadsheet.taxonomy.AuthorService;
import org.broadsheet.taxonomy.SectionService;
import org.broadsheet.taxonomy.TagService;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a WXR file. The whole file is read once first, writing nothing, so a malformed,
 * truncated or hostile file is refused before anything changes (and the count of items gives
 * the progress line its end); then it is read again and each item written in a transaction of
 * its own. Memory holds one item, the terms, and the attachments' URLs (for galleries).
 */
@Component
@org.springframework.boot.context.properties.EnableConfigurationProperties(WordPressSettings.class)
record WordPressImporter(
        ArticleService articles,
        ArticleWorkflow workflow,
        ArticleImports articleImports,
        ArticleReader reader,
        CommentService comments,
        CommentImports commentImports,
        SectionService sections,
        TagService tags,
        AuthorService authors,
        AccountService accounts,
        ImportedItems items,
        MediaUploads uploads,
        MediaLibrary library,
        TransactionTemplate transactions,
        org.broadsheet.web.SiteUrls urls,
        WordPressSettings settings,
        Clock clock) {

    private static final tools.jackson.databind.json.JsonMapper NOTES =
            tools.jackson.databind.json.JsonMapper.builder().build();

    /**
     * @param dryRun       read and report, write nothing
     * @param pagesSection the section pages become articles in, or null to skip pages
     * @param uploads      a local copy of {@code wp-content/uploads}, or null
     */
    record Options(
            boolean dryRun,
            @Nullable String pagesSection,
            @Nullable Path uploads) {}

    /** Imports {@code file}; {@code progress} gets the progress line (null: none). */
    ImportReport run(Path file, Options options, @Nullable PrintStream progress) throws WxrRefused, IOException {
        long started = System.nanoTime();
        WxrIndex index = WxrIndex.of(file); // checks the whole file; keeps a few fields of each item
        ImportReport report = new ImportReport(options.dryRun());
        ImportRun.Progress line = new ImportRun.Progress(progress, index.items(), started);
        try (ImportRun run = new ImportRun(this, options, report, index, line)) {
            WxrReader.read(file, null, run::unit);
            run.flush();
            line.end();
            if (!run.pending().isEmpty()) {
                WxrReader.read(file, null, run::relink); // links to posts that came later in the file
            }
        }
        return report;
    }

    /** The article WordPress post or page {@code wpId} became, with its public address when it has one. */
    Optional<WxrLinks.Target> target(long wpId) {
        return items.target(ImportedItems.Kind.POST, wpId)
                .or(() -> items.target(ImportedItems.Kind.PAGE, wpId))
                .map(id -> new WxrLinks.Target(id, reader.publicUrl(id).orElse(null)));
    }

    /**
     * Runs {@code work} in a transaction of its own whose commit does not wait for the disk
     * ({@code synchronous_commit = off}, for this transaction only): a crash may lose the last
     * few items, which are in {@code wordpress_item} only if they are in the database, so the
     * next run imports them again. Waiting for each commit's flush made an import disk-bound.
     */
    <T> T inTransaction(java.util.function.Supplier<T> work) {
        return transactions.execute(s -> {
            items.commitWithoutWaiting();
            return work.get();
        });
    }

    /** Creates or updates the article of one post; in the caller's transaction. Returns its id. */
    long save(WxrNode item, ImportedItems.Kind kind, long wpId, ArticleForm form, ImportReport report) {
        String oldPath = WxrPost.oldPath(item.text("link"));
        Long existing = items.target(kind, wpId).orElse(null);
        long id;
        if (existing != null) {
            id = articles.update(existing, form.withSlug(freeSlug(form.slug(), existing)))
                    .id();
            report.count(kind.db(), ImportReport.Outcome.UPDATED);
        } else {
            id = create(item, form.withSlug(freeSlug(form.slug(), null)));
            closeComments(item, id);
            report.count(kind.db(), ImportReport.Outcome.IMPORTED);
        }
        items.record(kind, wpId, item.text("guid").strip(), id, oldPath, null);
        notes(item, id, report);
        return id;
    }

    /** A new article of a post whose comments WordPress closed is closed to new comments too. */
    void closeComments(WxrNode item, long articleId) {
        if (item.text("wp:comment_status").strip().equals("closed")) {
            workflow.setCommentsOpen(articleId, false);
        }
    }

    /**
     * The corrections and updates our own exports carry ({@code _broadsheet_note}), each added
     * once with its own time; in the caller's transaction. One that cannot be read is reported.
     */
    void notes(WxrNode item, long articleId, ImportReport report) {
        for (String json : WxrPost.meta(item, "wp:postmeta", WxrItems.NOTE)) {
            try {
                // Read and checked here: a refusal thrown through the workflow's transaction would spoil the caller's.
                tools.jackson.databind.JsonNode note = NOTES.readTree(json);
                var kind = org.broadsheet.article.NoteKind.valueOf(
                        note.get("kind").asString().toUpperCase(java.util.Locale.ROOT));
                String body = note.get("body").asString();
                Instant at = java.time.OffsetDateTime.parse(note.get("noted_at").asString())
                        .toInstant();
                if (body.isBlank() || body.length() > ArticleWorkflow.NOTE_MAX) {
                    throw new IllegalArgumentException(
                            "a note must have 1 to " + ArticleWorkflow.NOTE_MAX + " characters");
                }
                workflow.importNote(articleId, kind, body, at);
            } catch (RuntimeException e) {
                report.note("post " + ImportRun.describe(item) + ": a note was left out: " + ImportRun.reason(e));
            }
        }
    }

    /**
     * Runs {@code work} in a savepoint of the caller's transaction: when it throws, what it
     * wrote is undone and the rest of the transaction goes on.
     */
    <T> T inSavepoint(java.util.function.Supplier<T> work) {
        TransactionTemplate nested = new TransactionTemplate(transactions.getTransactionManager());
        nested.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_NESTED);
        return nested.execute(s -> work.get());
    }

    /** How a new article of the post's status arrives, as {@link #create} would make it. */
    static ArticleImports.Incoming arrival(WxrNode item, ArticleForm form) {
        Instant date = WxrPost.date(item, "wp:post_date_gmt", "wp:post_date");
        String status = item.text("wp:status").strip();
        if (date == null
                || !(status.equals("publish")
                        || status.equals("private")
                        || status.equals("trash")
                        || status.equals("future"))) {
            return new ArticleImports.Incoming(
                    form,
                    status.equals("pending") ? ArticleImports.Arrival.IN_REVIEW : ArticleImports.Arrival.DRAFT,
                    null,
                    null);
        }
        if (status.equals("future")) {
            return new ArticleImports.Incoming(form, ArticleImports.Arrival.SCHEDULED, date, null);
        }
        return new ArticleImports.Incoming(
                form,
                status.equals("publish") ? ArticleImports.Arrival.PUBLISHED : ArticleImports.Arrival.UNPUBLISHED,
                date,
                WxrPost.date(item, "wp:post_modified_gmt", "wp:post_modified"));
    }

    /** A new article in the post's status: {@code private} and {@code trash} come in published, then unpublished. */
    private long create(WxrNode item, ArticleForm form) {
        ArticleImports.Incoming incoming = arrival(item, form);
        return switch (incoming.arrival()) {
            case DRAFT -> articles.create(form).id();
            case IN_REVIEW -> {
                long id = articles.create(form).id();
                workflow.submitForReview(id);
                yield id;
            }
            case SCHEDULED -> {
                long id = articles.create(form).id();
                workflow.publish(id, incoming.publishedAt()); // scheduled when still ahead, published when past
                yield id;
            }
            case PUBLISHED ->
                articles.importPublished(form, incoming.publishedAt(), incoming.updatedAt())
                        .id();
            case UNPUBLISHED -> {
                long id = articles.importPublished(form, incoming.publishedAt(), incoming.updatedAt())
                        .id();
                workflow.unpublish(id);
                yield id;
            }
        };
    }

    /** {@code slug}, or it with "-2", "-3"... when another article has it (WordPress repeats slugs across statuses). */
    /** The owners of {@code slugs}, read at once: a look-up that asks the database only for other slugs. */
    java.util.function.Function<String, Optional<Long>> slugOwners(java.util.Collection<String> slugs) {
        java.util.Map<String, Long> owners = articleImports.slugOwners(slugs);
        java.util.Set<String> asked = java.util.Set.copyOf(slugs);
        return slug -> asked.contains(slug) ? Optional.ofNullable(owners.get(slug)) : items.slugOwner(slug);
    }

    private String freeSlug(String slug, @Nullable Long own) {
        return freeSlug(slug, own, java.util.Set.of(), items::slugOwner);
    }

    /**
     * As {@link #freeSlug(String, Long)}, also avoiding {@code claimed} (slugs of a batch not
     * written yet), with the owners of slugs found by {@code owner} (a batch's, read at once).
     */
    String freeSlug(
            String slug,
            @Nullable Long own,
            java.util.Set<String> claimed,
            java.util.function.Function<String, Optional<Long>> owners) {
        String candidate = slug;
        for (int n = 2; ; n++) {
            Long owner = claimed.contains(candidate)
                    ? Long.valueOf(-1)
                    : owners.apply(candidate).orElse(null);
            if (owner == null || owner.equals(own)) {
                return candidate;
            }
            candidate = WxrPost.cut(slug, 110) + "-" + n;
        }
    }
}
