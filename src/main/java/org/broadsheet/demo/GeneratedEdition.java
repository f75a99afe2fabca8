package org.broadsheet.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.broadsheet.article.ArticleForm;
import org.broadsheet.article.ArticleImports;
import org.broadsheet.article.ArticleReader;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.ArticleView;
import org.broadsheet.article.LeadImage;
import org.broadsheet.comment.CommentImports;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes benchmark data: articles of realistic shape and wording (text from {@link GeneratedText})
 * (subheadings, lists, quotes, story references, tags, lead images) spread over the sections,
 * authors and topic tags of {@link GeneratedTaxonomy} and over two years; threaded comments
 * spread over them ({@code broadsheet.generate-archive-comments}) and, if asked, many on the
 * newest ({@code generate-comments}). Written in batches through {@link ArticleImports} and
 * {@link CommentImports} (a few statements per batch, under the rules every import meets), so
 * that 100,000 articles and 500,000 comments take minutes, not an hour; their search vectors
 * follow on another connection (the search catch-up). Deterministic for a given count.
 */
@Component
record GeneratedEdition(
        ArticleImports imports,
        ArticleService articles,
        ArticleReader reader,
        CommentImports comments,
        GeneratedTaxonomy taxonomy,
        DemoSettings settings,
        TransactionTemplate transactions,
        JdbcClient jdbc) {

    private static final Logger log = LoggerFactory.getLogger(GeneratedEdition.class);
    private static final int BATCH = 250;

    /**
     * Generates articles until at least {@code target} exist. With {@code generate-comments},
     * the newest one gets its comments in the same transaction, so they exist exactly when it
     * does: a later start adds none, whatever was posted since.
     */
    void generateUpTo(int target) {
        long existing = articles.count();
        if (existing >= target) {
            logCommentedArticles(target, "as generated before");
            log.info("Benchmark data ready: {} articles", existing);
            return;
        }
        GeneratedTaxonomy.Terms terms = taxonomy.ensure();
        long started = System.nanoTime();
        GeneratedText text = GeneratedText.fromDemoArticles();
        Instant newest = Instant.now().minus(Duration.ofHours(1));
        long commentCount = 0;
        int batches = 0;
        // Batches end on multiples of BATCH, so a story reference names a story of an earlier batch.
        for (long n = existing; n < target; n = (n / BATCH + 1) * BATCH) {
            long from = n;
            long to = Math.min(target, (n / BATCH + 1) * BATCH);
            Long written = transactions.execute(tx -> writeBatch(from, to, target, newest, text, terms));
            commentCount += written == null ? 0 : written;
            if (Integer.bitCount(++batches) == 1) {
                // After batches 1, 2, 4, 8…: the tables doubled, and the planner must not take them for empty.
                jdbc.sql("analyze article, article_slug, comment").update();
            }
        }
        log.info(
                "Generated {} articles and {} comments in {} ms",
                target - existing,
                commentCount,
                (System.nanoTime() - started) / 1_000_000);
        logCommentedArticles(target, settings.generateComments() + " generated");
        log.info("Benchmark data ready: {} articles", articles.count());
    }

    /** Articles {@code from..to-1} and their comments, in the caller's transaction; returns how many comments. */
    private long writeBatch(
            long from, long to, int target, Instant newest, GeneratedText text, GeneratedTaxonomy.Terms terms) {
        Random random = new Random(target * 31L + from);
        List<ArticleImports.Incoming> incoming = new ArrayList<>();
        List<Instant> times = new ArrayList<>();
        for (long i = from; i < to; i++) {
            Instant published = newest.minus(Duration.ofMinutes((target - i) * 97 % (2 * 365 * 24 * 60)));
            times.add(published);
            incoming.add(new ArticleImports.Incoming(
                    form(i, from, random, text, terms), ArticleImports.Arrival.PUBLISHED, published, published));
        }
        List<Long> ids = new ArrayList<>();
        for (ArticleImports.Outcome outcome : imports.importAll(incoming)) {
            if (outcome.refusal() != null || outcome.id() == null) {
                throw new IllegalStateException("A generated article was refused", outcome.refusal());
            }
            ids.add(outcome.id());
        }
        CommentImports.Batch batch = comments.batch(ids);
        long count = 0;
        for (int k = 0; k < ids.size(); k++) {
            long i = from + k;
            int n = GeneratedComments.spreadCount(i, target, settings.generateArchiveComments());
            if (i == target - 1 && settings.generateComments() > 0) {
                n = settings.generateComments();
            }
            GeneratedComments.write(batch, ids.get(k), times.get(k), n, random);
            count += n;
        }
        batch.write();
        return count;
    }

    /**
     * Logs the article with generated comments (the newest) and one without that is like it: same
     * section, same kind of lead image (the generator cycles through both), a few hours older.
     */
    private void logCommentedArticles(int target, String note) {
        if (settings.generateComments() <= 0) {
            return;
        }
        int sectionCount = Math.max(1, taxonomy.sections().all().size());
        int cycle = sectionCount % 3 == 0 ? sectionCount : sectionCount * 3;
        String with = url("generated-story-" + (target - 1));
        String without = url("generated-story-" + (target - 1 - cycle));
        log.info("Benchmark article with comments: {} ({})", with, note);
        log.info("Benchmark article without comments: {}", without);
    }

    private String url(String slug) {
        return reader.findBySlug(slug).map(ArticleView::url).orElse("(no public article " + slug + ")");
    }

    private static ArticleForm form(
            long i, long batchStart, Random random, GeneratedText text, GeneratedTaxonomy.Terms terms) {
        String headline = text.words(random, 6 + random.nextInt(6)) + " " + i;
        String standfirst = text.sentence(random, 18 + random.nextInt(12));
        List<String> sectionSlugs = terms.sectionSlugs();
        List<String> authorSlugs = terms.authorSlugs();
        return new ArticleForm(
                "generated-story-" + i,
                headline,
                standfirst,
                body(i, batchStart, random, text),
                sectionSlugs.get((int) (i % sectionSlugs.size())),
                List.of(authorSlugs.get((int) (i % authorSlugs.size()))),
                tagSlugs(i, terms.tagCount()),
                leadImage(i));
    }

    /**
     * Eight paragraphs, with a subheading, a quote, a list and story references to older stories
     * of earlier batches (a story of the same batch is not written yet when the body is rendered).
     */
    private static String body(long i, long batchStart, Random random, GeneratedText text) {
        StringBuilder body = new StringBuilder();
        for (int p = 0; p < 8; p++) {
            if (p == 3) {
                body.append("## ").append(text.words(random, 3)).append("\n\n");
            }
            if (p == 5) {
                body.append("> ").append(text.sentence(random, 20)).append("\n\n");
                body.append("- ")
                        .append(text.words(random, 6))
                        .append("\n- ")
                        .append(text.words(random, 7))
                        .append("\n\n");
            }
            if (p == 4 && i > 10 && i / 2 < batchStart) {
                body.append("[[related: generated-story-").append(i / 2).append("]]\n\n");
            }
            body.append(text.paragraph(random, 60 + random.nextInt(40))).append("\n\n");
        }
        if (i - BATCH - 2 >= 0) {
            body.append("[[read-more: generated-story-").append(i - BATCH - 2).append("]]\n");
        }
        return body.toString();
    }

    /** Two topic tags of {@code count}: each tag is on about {@code 2 / count} of the stories. */
    private static List<String> tagSlugs(long i, int count) {
        List<String> tagSlugs = new ArrayList<>();
        if (count <= 0) {
            return tagSlugs;
        }
        tagSlugs.add("bench-topic-" + (1 + i % count));
        tagSlugs.add("bench-topic-" + (1 + (i * 7 + 3) % count));
        if (tagSlugs.get(0).equals(tagSlugs.get(1))) {
            tagSlugs.remove(1);
        }
        return tagSlugs;
    }

    /** Two stories in three have a lead image; {@link #logCommentedArticles} counts on that cycle. */
    private static LeadImage leadImage(long i) {
        return i % 3 == 0
                ? null
                : new LeadImage(
                        "/assets/images/generated.svg",
                        "A generated illustration of coloured bands",
                        "A picture made for the benchmark.",
                        "Illustration: benchmark generator",
                        1200,
                        675);
    }
}
