package org.broadsheet.wordpress;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.broadsheet.article.ArticleForm;
import org.broadsheet.article.ArticleImports;
import org.broadsheet.comment.CommentForm;
import org.broadsheet.comment.CommentImports;
import org.broadsheet.comment.CommentStatus;
import org.broadsheet.comment.Visitor;

/**
 * Posts (and pages) waiting to be written, with their comments, many in one transaction:
 * new articles and comments through the bulk paths ({@link ArticleImports},
 * {@link CommentImports}), which check each under the services' rules and leave out those
 * refused; articles of an earlier run through {@code ArticleService.update}, each in a
 * savepoint. The report hears of a batch once it is committed. Should the transaction fail
 * (an error of the database: a slug another writer took meanwhile, say), the batch is
 * written again one item per transaction, as before, so one bad item spoils nothing else.
 *
 * <p>Batches are written on threads of their own, {@link #WRITERS} at once, each in its own
 * transaction on its own connection, while the caller reads and converts the next: at most
 * {@code WRITERS} batches are being written and one filled, so memory stays bounded. A link to
 * a post of any of them waits until its batch has committed ({@link #holds}, {@link #finish}),
 * and a batch holding a post that one being written holds too (the file names it twice) waits
 * for that one. Used by one thread (the run's); one per run; {@link #close} ends its writers.
 */
final class ImportBatch implements AutoCloseable {

    /** Posts per transaction. */
    static final int MAX_POSTS = 200;

    /**
     * Batches written at once. One writer and its PostgreSQL backend were the import's bound
     * (busy 50 of 58 s, the reading waiting 41 s for it) while the processors had time to spare.
     */
    static final int WRITERS = 2;

    /** Comments per transaction (a post with thousands of comments ends its batch). */
    static final int MAX_COMMENTS = 2_000;

    /**
     * The last batch after which the tables are analysed: the planner scales what it learnt by
     * the tables' sizes, and each analysis of the grown tables took longer (0.3 s and more).
     */
    static final int LAST_ANALYZE = 64;

    /** The report's note when a batch had to be written again one item at a time. */
    static final String FELL_BACK = "a batch was rolled back and written again one item per transaction";

    /** A post's form and its body rendered ahead ({@link ArticleImports#prerender}). */
    record Formed(ArticleForm form, ArticleImports.Prerendered body) {}

    /** A post waiting, its form still being made (its body converted) on another thread. */
    record Post(
            WxrNode item,
            ImportedItems.Kind kind,
            long wpId,
            java.util.concurrent.CompletableFuture<Formed> converting) {

        /** The form, once made; what its making threw, if it failed. */
        ArticleForm form() {
            return settled(converting).form();
        }

        ArticleImports.Prerendered prerendered() {
            return settled(converting).body();
        }
    }

    /** What {@code form} became, waiting for it; what its making threw (unwrapped), if it failed. */
    static Formed settled(java.util.concurrent.CompletableFuture<Formed> form) {
        try {
            return form.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** Writes one post the old way, each in its own transaction. */
    interface OneByOne {
        void write(Post post);
    }

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ImportBatch.class);

    private final WordPressImporter importer;
    private final ImportReport report;
    private final OneByOne oneByOne;
    private final List<Post> posts = new ArrayList<>();
    private final Set<Long> held = new HashSet<>();
    /** What the posts written by this run became, by WordPress ID: links to them need no query. */
    private final Map<Long, WxrLinks.Target> targets = new java.util.concurrent.ConcurrentHashMap<>();
    /** The batches handed to the writers, oldest first, with their WordPress IDs (the caller's own). */
    private final java.util.ArrayDeque<Writing> writing = new java.util.ArrayDeque<>();

    private final java.util.concurrent.ExecutorService writer =
            java.util.concurrent.Executors.newFixedThreadPool(WRITERS, r -> {
                Thread thread = new Thread(r, "broadsheet:wordpress-import-writer");
                thread.setDaemon(true);
                return thread;
            });

    private int comments;
    private final java.util.concurrent.atomic.AtomicInteger written = new java.util.concurrent.atomic.AtomicInteger();

    /** A batch handed to a writer: its posts' WordPress IDs, and its writing. */
    private record Writing(Set<Long> ids, java.util.concurrent.Future<?> done) {}

    ImportBatch(WordPressImporter importer, ImportReport report, OneByOne oneByOne) {
        this.importer = importer;
        this.report = report;
        this.oneByOne = oneByOne;
    }

    void add(Post post) {
        posts.add(post);
        held.add(post.wpId());
        comments += post.item().all("wp:comment").size();
        if (posts.size() >= MAX_POSTS || comments >= MAX_COMMENTS) {
            flush();
        }
    }

    /** Whether WordPress post {@code wpId} waits here or is being written (its article not committed yet). */
    boolean holds(long wpId) {
        return held.contains(wpId) || writing.stream().anyMatch(w -> w.ids().contains(wpId));
    }

    /** The article post {@code wpId} became in this run, if this batch wrote it. */
    java.util.Optional<WxrLinks.Target> made(long wpId) {
        return java.util.Optional.ofNullable(targets.get(wpId));
    }

    /** Hands what waits to the writer, once the batch before it is written. */
    void flush() {
        if (posts.isEmpty()) {
            return;
        }
        List<Post> batch = List.copyOf(posts);
        Set<Long> ids = Set.copyOf(held);
        posts.clear();
        held.clear();
        comments = 0;
        if (writing.stream().anyMatch(w -> !java.util.Collections.disjoint(w.ids(), ids))) {
            awaitWriters(0); // a post twice in the file: its second batch updates what the first made
        }
        awaitWriters(WRITERS - 1);
        writing.add(new Writing(ids, writer.submit(() -> writeOrFallBack(batch))));
    }

    /** Writes what waits and returns once every batch handed over is written. */
    void finish() {
        flush();
        awaitWriters(0);
    }

    /** Ends the writers once the batches they write, if any, are written: nothing is written after the run returns. */
    @Override
    public void close() {
        writer.shutdown();
        try {
            writer.awaitTermination(1, java.util.concurrent.TimeUnit.HOURS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            writer.shutdownNow();
        }
    }

    /** Waits for the oldest batches until at most {@code left} are being written. */
    private void awaitWriters(int left) {
        while (writing.size() > left) {
            await(writing.peek().done());
            writing.remove();
        }
    }

    private static void await(java.util.concurrent.Future<?> done) {
        try {
            done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a batch was written", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("a batch could not be written", e.getCause());
        }
    }

    /** On the writer's thread. */
    private void writeOrFallBack(List<Post> waiting) {
        List<Post> batch = formed(waiting);
        Map<Long, WxrLinks.Target> uncommitted = new HashMap<>();
        try {
            report.merge(importer.inTransaction(() -> write(batch, uncommitted)));
            targets.putAll(uncommitted); // kept once committed
            int count = written.incrementAndGet();
            if (Integer.bitCount(count) == 1 && count <= LAST_ANALYZE) {
                importer.items().analyze(); // after batches 1, 2, 4, 8…: the tables doubled
            }
        } catch (RuntimeException e) {
            String cause = org.springframework.core.NestedExceptionUtils.getMostSpecificCause(e)
                    .toString();
            log.warn("A batch of {} posts was rolled back ({}); writing them one by one", batch.size(), cause);
            report.note(FELL_BACK + " (" + batch.size() + " posts): " + cause);
            batch.forEach(oneByOne::write); // rolled back as a whole: one item per transaction
        }
    }

    /** The posts whose forms could be made; each of the others is reported as failed. */
    private List<Post> formed(List<Post> waiting) {
        List<Post> formed = new ArrayList<>(waiting.size());
        for (Post p : waiting) {
            try {
                p.form();
                formed.add(p);
            } catch (RuntimeException e) {
                report.failed("item", ImportRun.describe(p.item()), ImportRun.reason(e));
            }
        }
        return formed;
    }

    private ImportReport write(List<Post> batch, Map<Long, WxrLinks.Target> uncommitted) {
        ImportReport staged = new ImportReport(false);
        Map<Post, Long> made = new IdentityHashMap<>();
        Map<ImportedItems.Kind, Map<Long, Long>> earlier = new EnumMap<>(ImportedItems.Kind.class);
        for (ImportedItems.Kind kind : List.of(ImportedItems.Kind.POST, ImportedItems.Kind.PAGE)) {
            earlier.put(
                    kind,
                    importer.items()
                            .targets(
                                    kind,
                                    batch.stream()
                                            .filter(p -> p.kind() == kind)
                                            .map(Post::wpId)
                                            .toList()));
        }
        List<Post> fresh = new ArrayList<>();
        for (Post p : batch) {
            if (earlier.get(p.kind()).containsKey(p.wpId())) {
                update(p, staged, made);
            } else {
                fresh.add(p);
            }
        }
        create(fresh, staged, made, uncommitted);
        comments(batch, fresh, made, staged);
        return staged;
    }

    /** An article of an earlier run: its content replaced, in a savepoint. */
    private void update(Post p, ImportReport staged, Map<Post, Long> made) {
        try {
            made.put(p, importer.inSavepoint(() -> importer.save(p.item(), p.kind(), p.wpId(), p.form(), staged)));
        } catch (RuntimeException e) {
            staged.failed("item", ImportRun.describe(p.item()), ImportRun.reason(e));
        }
    }

    private void create(
            List<Post> fresh, ImportReport staged, Map<Post, Long> made, Map<Long, WxrLinks.Target> uncommitted) {
        Set<String> claimed = new HashSet<>();
        List<ArticleImports.Incoming> incoming = new ArrayList<>();
        var owners = importer.slugOwners(
                fresh.stream().map(p -> p.form().slug()).distinct().toList());
        for (Post p : fresh) {
            String slug = importer.freeSlug(p.form().slug(), null, claimed, owners);
            claimed.add(slug);
            incoming.add(
                    WordPressImporter.arrival(p.item(), p.form().withSlug(slug)).withPrerendered(p.prerendered()));
        }
        List<ArticleImports.Outcome> outcomes = importer.articleImports().importAll(incoming);
        Map<ImportedItems.Kind, List<ImportedItems.Made>> records = new HashMap<>();
        for (int i = 0; i < fresh.size(); i++) {
            Post p = fresh.get(i);
            ArticleImports.Outcome outcome = outcomes.get(i);
            if (outcome.refusal() != null) {
                staged.failed("item", ImportRun.describe(p.item()), ImportRun.reason(outcome.refusal()));
                continue;
            }
            long id = java.util.Objects.requireNonNull(outcome.id());
            made.put(p, id);
            uncommitted.put(p.wpId(), new WxrLinks.Target(id, publicUrl(incoming.get(i))));
            importer.notes(p.item(), id, staged);
            importer.closeComments(p.item(), id);
            records.computeIfAbsent(p.kind(), k -> new ArrayList<>())
                    .add(new ImportedItems.Made(
                            p.wpId(),
                            p.item().text("guid").strip(),
                            id,
                            WxrPost.oldPath(p.item().text("link"))));
            staged.count(p.kind().db(), ImportReport.Outcome.IMPORTED);
        }
        records.forEach((kind, rows) -> importer.items().recordAll(kind, rows));
    }

    /** The address of a new article that is public at once (published, at a time that has come), else null. */
    private @org.jspecify.annotations.Nullable String publicUrl(ArticleImports.Incoming article) {
        Instant at = article.publishedAt();
        boolean published = article.arrival() == ArticleImports.Arrival.PUBLISHED
                || article.arrival() == ArticleImports.Arrival.SCHEDULED;
        String section = article.form().section();
        return published
                        && at != null
                        && section != null
                        && !at.isAfter(importer.clock().instant())
                ? importer.urls().article(section, at, article.form().slug())
                : null;
    }

    /**
     * The comments of the posts that have their article, checked and written together. Only
     * the comments of posts imported before ({@code batch} less {@code fresh}) can have been
     * imported before: a post and its comments are written in one transaction.
     */
    private void comments(List<Post> batch, List<Post> fresh, Map<Post, Long> made, ImportReport staged) {
        CommentImports.Batch written = importer.commentImports().batch(made.values());
        Set<Post> isNew = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        isNew.addAll(fresh);
        Map<Long, Long> earlier = importer.items()
                .targets(
                        ImportedItems.Kind.COMMENT,
                        batch.stream()
                                .filter(p -> !isNew.contains(p))
                                .flatMap(p -> WxrComments.ids(p.item()).stream())
                                .toList());
        List<ImportedItems.Made> records = new ArrayList<>();
        WxrComments.Writer writer =
                (long wpId,
                        long articleId,
                        CommentForm form,
                        CommentStatus status,
                        boolean staff,
                        Instant at,
                        Visitor visitor) -> {
                    long id = written.add(articleId, form, status, staff, at, visitor);
                    records.add(new ImportedItems.Made(wpId, "", id, null));
                    return id;
                };
        WxrComments comments = new WxrComments(importer, staged, false);
        for (Post p : batch) {
            Long id = made.get(p);
            if (id != null) {
                comments.of(p.item(), id, writer, earlier);
            }
        }
        written.write();
        importer.items().recordAll(ImportedItems.Kind.COMMENT, records);
    }
}
