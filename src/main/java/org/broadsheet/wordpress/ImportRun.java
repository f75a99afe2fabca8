package org.broadsheet.wordpress;

import java.io.PrintStream;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.broadsheet.article.ArticleForm;
import org.broadsheet.web.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * One import: handed each unit of the file in order, it makes the terms when the head names
 * them and each post, page and comment in a transaction of its own, remembering in
 * {@code wordpress_item} what each became. Not thread-safe; one per run.
 */
final class ImportRun implements AutoCloseable {

    static final String UNKNOWN_AUTHOR = "wordpress-unknown-author";

    private static final tools.jackson.databind.json.JsonMapper JSON =
            tools.jackson.databind.json.JsonMapper.builder().build();

    private final WordPressImporter importer;
    private final WordPressImporter.Options options;
    private final ImportReport report;
    private final WxrTerms terms;
    private final WxrIndex index;
    private final WxrLinks links;
    private final Set<Long> pending = new HashSet<>();
    private final Progress progress;
    private final WxrComments comments;
    private final WxrAttachments attachments;
    private final ImportBatch batch;
    /**
     * Converts bodies from HTML to Markdown, the import's costliest step and one that needs
     * nothing but the body: so it runs beside the reading of the file and the writing of
     * batches, on every core.
     */
    private final java.util.concurrent.ExecutorService converters = java.util.concurrent.Executors.newFixedThreadPool(
            Runtime.getRuntime().availableProcessors(), r -> {
                Thread thread = new Thread(r, "broadsheet:wordpress-import-converter");
                thread.setDaemon(true);
                return thread;
            });

    ImportRun(
            WordPressImporter importer,
            WordPressImporter.Options options,
            ImportReport report,
            WxrIndex index,
            Progress progress) {
        this.importer = importer;
        this.options = options;
        this.report = report;
        this.index = index;
        this.batch = new ImportBatch(importer, report, this::oneByOne);
        this.links = new WxrLinks(index.hosts(), index::wpIdAt, this::target);
        this.progress = progress;
        this.terms = new WxrTerms(
                importer.sections(),
                importer.tags(),
                importer.authors(),
                importer.accounts(),
                report,
                options.dryRun());
        this.comments = new WxrComments(importer, report, options.dryRun());
        this.attachments = new WxrAttachments(importer, report, options.uploads(), options.dryRun());
    }

    private java.util.Optional<WxrLinks.Target> target(long wpId) {
        if (batch.holds(wpId)) {
            batch.finish(); // a link to a post still waiting or being written: its article first
        }
        return batch.made(wpId).or(() -> importer.target(wpId));
    }

    void unit(WxrNode node) {
        try {
            switch (node.name()) {
                case "wp:author" -> terms.author(node);
                case "wp:category" -> terms.category(node);
                case "wp:tag" -> terms.tag(node);
                case "item" -> item(node);
                default -> {} // the site's addresses, navigation menu terms
            }
        } catch (RuntimeException e) {
            report.failed(node.name().replace("wp:", ""), describe(node), reason(e));
        }
        if (node.name().equals("item")) {
            progress.itemDone();
        }
    }

    private void item(WxrNode item) {
        String type = item.text("wp:post_type");
        switch (type) {
            case "post" -> post(item, ImportedItems.Kind.POST, null);
            case "page" -> {
                if (options.pagesSection() == null) {
                    report.count("page", ImportReport.Outcome.SKIPPED);
                    report.note("page " + describe(item) + " skipped (no --pages SECTION)");
                } else {
                    post(item, ImportedItems.Kind.PAGE, options.pagesSection());
                }
            }
            case "attachment" -> attachments.attachment(item);
            default -> report.count(type.isBlank() ? "other" : type, ImportReport.Outcome.SKIPPED);
        }
    }

    private void post(WxrNode item, ImportedItems.Kind kind, @Nullable String section) {
        long wpId = WxrPost.id(item, "wp:post_id");
        String label = kind.db();
        if (wpId < 0) {
            report.failed(label, describe(item), "no wp:post_id");
            return;
        }
        if (options.dryRun()) {
            boolean known = importer.items().known(kind, wpId);
            report.count(label, known ? ImportReport.Outcome.UPDATED : ImportReport.Outcome.IMPORTED);
            return;
        }
        // Terms first, each committed: a failed post keeps them usable. The body converts meanwhile.
        batch.add(new ImportBatch.Post(item, kind, wpId, form(item, section)));
    }

    /** Writes the posts still waiting in the batch, and returns once every batch is written. */
    void flush() {
        batch.finish();
    }

    /** Ends the batches' writer thread and the converters. */
    @Override
    public void close() {
        batch.close();
        converters.shutdownNow(); // idle by now: every batch handed over was written
    }

    /** A post and its comments as before batches: the post in a transaction, then each comment in its own. */
    private void oneByOne(ImportBatch.Post p) {
        try {
            ArticleForm form = p.form();
            long id = importer.inTransaction(() -> importer.save(p.item(), p.kind(), p.wpId(), form, report));
            comments.of(p.item(), id);
        } catch (RuntimeException e) {
            report.failed("item", describe(p.item()), reason(e));
        }
    }

    /** The posts whose bodies link to posts that had no article yet when they were written. */
    Set<Long> pending() {
        return pending;
    }

    /** Writes a pending post's body again, now that every post has its article. */
    void relink(WxrNode node) {
        long wpId = WxrPost.id(node, "wp:post_id");
        if (!node.name().equals("item") || !pending.contains(wpId)) {
            return;
        }
        ImportedItems.Kind kind =
                node.text("wp:post_type").equals("page") ? ImportedItems.Kind.PAGE : ImportedItems.Kind.POST;
        try {
            Long own = importer.items().target(kind, wpId).orElse(null);
            if (own != null
                    && !WxrPost.meta(node, "wp:postmeta", WxrItems.MARKDOWN).isEmpty()) {
                // Our own export: the source stays as it is; its references resolve now, and its times stay.
                importer.inTransaction(() -> importer.articles().rerender(own));
                return;
            }
            ArticleForm form = ImportBatch.settled(
                            form(node, kind == ImportedItems.Kind.PAGE ? options.pagesSection() : null))
                    .form();
            importer.inTransaction(() -> importer.save(node, kind, wpId, form, new ImportReport(false)));
        } catch (RuntimeException e) {
            report.note("post " + describe(node) + ": its links to later posts could not be rewritten: " + reason(e));
        }
    }

    /**
     * The post's form; its body is converted to Markdown and rendered on a converter thread
     * (the rest here, in the file's order).
     */
    private java.util.concurrent.CompletableFuture<ImportBatch.Formed> form(
            WxrNode item, @Nullable String pagesSection) {
        List<WxrNode> categories = item.all("category").stream()
                .filter(c -> c.attribute("domain").equals("category"))
                .toList();
        String section = pagesSection != null
                ? pagesSection
                : categories.isEmpty()
                        ? terms.section("uncategorized", "Uncategorized")
                        : terms.section(
                                categories.get(0).attribute("nicename"),
                                categories.get(0).text());
        List<String> tags = tags(item, categories, pagesSection != null);
        String slug = WxrTerms.slug(item.text("wp:post_name"), WxrPost.headline(item));
        String headline = WxrPost.headline(item);
        String standfirst = WxrPost.standfirst(item);
        java.util.function.Supplier<HtmlMarkdown.Converted> body = body(item);
        List<String> byline = byline(item);
        var image = attachments.leadImage(item, headline, () -> pending.add(WxrPost.id(item, "wp:post_id")));
        return java.util.concurrent.CompletableFuture.supplyAsync(
                () -> {
                    HtmlMarkdown.Converted converted = body.get();
                    String markdown = converted.markdown();
                    return new ImportBatch.Formed(
                            new ArticleForm(slug, headline, standfirst, markdown, section, byline, tags, image),
                            converted.rendering() != null
                                    ? converted.rendering()
                                    : importer.articleImports().prerender(markdown));
                },
                converters);
    }

    /**
     * The body as Markdown: the source our own exports carry ({@code _broadsheet_markdown}, story
     * references keyed by slug), as it is; else WordPress's HTML converted. Links are settled
     * here, in the file's order; the conversion to Markdown, which needs nothing else, is left
     * to whoever calls the supplier.
     */
    private java.util.function.Supplier<HtmlMarkdown.Converted> body(WxrNode item) {
        List<String> source = WxrPost.meta(item, "wp:postmeta", WxrItems.MARKDOWN);
        if (!source.isEmpty()) {
            // References name their targets by slug; one further on in the file resolves on the third reading.
            boolean later = WxrLinks.referenceKeys(source.get(0)).stream()
                    .anyMatch(slug -> importer.items().slugOwner(slug).isEmpty());
            if (later) {
                pending.add(WxrPost.id(item, "wp:post_id"));
            }
            HtmlMarkdown.Converted markdown = new HtmlMarkdown.Converted(source.get(0), null);
            return () -> markdown;
        } else {
            WxrBodies.Body body = WxrBodies.convert(item.text("content:encoded"), index::attachmentUrl);
            if (!body.unknownShortcodes().isEmpty()) {
                report.note("post " + describe(item) + ": shortcodes left as text: "
                        + String.join(", ", body.unknownShortcodes()));
            }
            WxrLinks.Converted html = links.convert(body.text());
            if (html.pending()) {
                pending.add(WxrPost.id(item, "wp:post_id"));
            }
            return () -> HtmlMarkdown.convert(html.text(), importer.articleImports()::prerender);
        }
    }

    /** The byline our own exports carry ({@code _broadsheet_byline}: several authors' logins), else the post's author. */
    private List<String> byline(WxrNode item) {
        List<String> logins = new java.util.ArrayList<>();
        for (String json : WxrPost.meta(item, "wp:postmeta", WxrItems.BYLINE)) {
            try {
                JSON.readTree(json).forEach(login -> logins.add(login.asString()));
            } catch (tools.jackson.core.JacksonException e) {
                report.note("post " + describe(item) + ": its byline could not be read");
            }
        }
        List<String> byline = logins.stream()
                .map(terms::authorSlug)
                .filter(java.util.Objects::nonNull)
                .distinct()
                .toList();
        return byline.isEmpty() ? List.of(author(item)) : byline;
    }

    /** A post's categories but the first (all of them for a page), then its tags, as tag slugs. */
    private List<String> tags(WxrNode item, List<WxrNode> categories, boolean page) {
        Set<String> tags = new LinkedHashSet<>();
        for (int i = page ? 0 : 1; i < categories.size(); i++) {
            tags.add(terms.tag(
                    categories.get(i).attribute("nicename"), categories.get(i).text(), true));
        }
        item.all("category").stream()
                .filter(c -> c.attribute("domain").equals("post_tag"))
                .forEach(c -> tags.add(terms.tag(c.attribute("nicename"), c.text(), false)));
        if (tags.size() > ArticleForm.MAX_TAGS) {
            report.note("post " + describe(item) + ": " + tags.size() + " tags, the first " + ArticleForm.MAX_TAGS
                    + " kept");
        }
        return tags.stream().limit(ArticleForm.MAX_TAGS).toList();
    }

    private String author(WxrNode item) {
        String login = item.text("dc:creator").strip();
        String slug = terms.authorSlug(login);
        if (slug != null) {
            return slug;
        }
        report.note(
                "post " + describe(item) + ": author '" + login + "' is not in the file; credited to 'Unknown author'");
        return terms.unknownAuthor(UNKNOWN_AUTHOR);
    }

    static String describe(WxrNode node) {
        String id = node.text("wp:post_id");
        String title = node.text("title").isEmpty() ? node.text("wp:author_login") : node.text("title");
        return (id.isEmpty() ? "" : id + " ") + "'" + WxrPost.cut(title, 60) + "'";
    }

    static String reason(RuntimeException e) {
        if (e instanceof ValidationException invalid) {
            return invalid.problems().stream()
                    .map(p -> p.field() + ": " + p.message())
                    .collect(Collectors.joining("; "));
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + WxrPost.cut(e.getMessage(), 200));
    }

    /** The terminal's progress line: items done, rate, time left; at most once a second. */
    static final class Progress {

        private final @Nullable PrintStream out;
        private final int total;
        private final long started;
        private long shown;
        private int done;

        /** @param started when the run began ({@link System#nanoTime}), before the file's first reading */
        Progress(@Nullable PrintStream out, int total, long started) {
            this.out = out;
            this.total = total;
            this.started = started;
        }

        void itemDone() {
            done++;
            long now = System.nanoTime();
            if (out != null && (now - shown > 1_000_000_000L || done == total)) {
                shown = now;
                double seconds = Math.max((now - started) / 1e9, 0.001);
                double rate = done / seconds;
                long left = rate <= 0 ? 0 : Math.round((total - done) / rate);
                out.printf("\r%d/%d items, %.0f/s, %d:%02d left ", done, total, rate, left / 60, left % 60);
                out.flush();
            }
        }

        /** Ends the progress line with the time the items took (since the run began, the first reading of the file included). */
        void end() {
            if (out != null && total > 0) {
                double seconds = Math.max((System.nanoTime() - started) / 1e9, 0.001);
                out.printf("%n%d items written in %.1f s, %.0f/s%n", done, seconds, done / seconds);
            }
        }
    }
}
