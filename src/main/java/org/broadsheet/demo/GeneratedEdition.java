package org.broadsheet.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.broadsheet.article.ArticleForm;
import org.broadsheet.article.ArticleReader;
import org.broadsheet.article.ArticleSaved;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.ArticleView;
import org.broadsheet.article.LeadImage;
import org.broadsheet.comment.CommentForm;
import org.broadsheet.comment.CommentService;
import org.broadsheet.comment.CommentStatus;
import org.broadsheet.taxonomy.Author;
import org.broadsheet.taxonomy.AuthorService;
import org.broadsheet.taxonomy.Section;
import org.broadsheet.taxonomy.SectionService;
import org.broadsheet.taxonomy.TagService;
import org.broadsheet.taxonomy.TermForm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes benchmark data: articles of realistic shape and wording (text from {@link GeneratedText}) (subheadings, lists, quotes, story
 * references, tags, lead images) spread over sections, authors and two years, written
 * through {@link ArticleService} like any other article; and, if asked, threaded comments
 * on the newest of them, written through {@link CommentService}. Deterministic for a given count.
 */
@Component
record GeneratedEdition(
        ArticleService articles,
        ArticleReader reader,
        SectionService sections,
        AuthorService authors,
        TagService tags,
        CommentService comments,
        DemoSettings settings,
        TransactionTemplate transactions) {

    private static final Logger log = LoggerFactory.getLogger(GeneratedEdition.class);
    private static final int BATCH = 250;
    private static final String[] WORDS = ("minister talks border trade port harbour grain rail corridor court ruling "
                    + "election coalition budget inflation rate bank river drought harvest summit delegation envoy treaty "
                    + "pipeline council mayor protest strike union factory export import tariff quota ceasefire aid relief "
                    + "survey census parliament senate ballot turnout candidate campaign reform pension wage market shares "
                    + "currency reserve forecast quarter growth village valley coast island capital province region district")
            .split(" ");

    private static final int COMMENTERS = 80;
    private static final int COMMENT_DEPTH = 3;

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
        ensureTaxonomy();
        List<String> sectionSlugs = sections.all().stream().map(Section::slug).toList();
        List<String> authorSlugs = authors.all().stream().map(Author::slug).toList();
        long started = System.nanoTime();
        Random random = new Random(target);
        GeneratedText text = GeneratedText.fromDemoArticles();
        Instant newest = Instant.now().minus(Duration.ofHours(1));
        for (long n = existing; n < target; n += BATCH) {
            long from = n;
            long to = Math.min(target, n + BATCH);
            transactions.executeWithoutResult(tx -> {
                for (long i = from; i < to; i++) {
                    Instant published = newest.minus(Duration.ofMinutes((target - i) * 97 % (2 * 365 * 24 * 60)));
                    ArticleSaved saved = articles.importPublished(
                            form(i, random, text, sectionSlugs, authorSlugs), published, published);
                    if (i == target - 1 && settings.generateComments() > 0) {
                        generateComments(saved.id(), published, settings.generateComments());
                    }
                }
            });
        }
        log.info("Generated {} articles in {} ms", target - existing, (System.nanoTime() - started) / 1_000_000);
        logCommentedArticles(target, settings.generateComments() + " generated");
        log.info("Benchmark data ready: {} articles", articles.count());
    }

    /**
     * Logs the article with generated comments (the newest) and one without that is like it: same
     * section, same kind of lead image (the generator cycles through both), a few hours older.
     */
    private void logCommentedArticles(int target, String note) {
        if (settings.generateComments() <= 0) {
            return;
        }
        int sectionCount = Math.max(1, sections.all().size());
        int cycle = sectionCount % 3 == 0 ? sectionCount : sectionCount * 3;
        String with = url("generated-story-" + (target - 1));
        String without = url("generated-story-" + (target - 1 - cycle));
        log.info("Benchmark article with comments: {} ({})", with, note);
        log.info("Benchmark article without comments: {}", without);
    }

    private String url(String slug) {
        return reader.findBySlug(slug).map(ArticleView::url).orElse("(no public article " + slug + ")");
    }

    /**
     * Writes {@code count} approved comments on the article: about two in five top-level, the
     * rest replies (to recent comments, up to depth 3); one to four paragraphs of a few to a
     * hundred words; one in eight with a link; distinct times after publication, oldest first.
     */
    private void generateComments(long articleId, Instant published, int count) {
        long started = System.nanoTime();
        Random random = new Random(count);
        long room = Duration.between(published, Instant.now()).toMillis();
        long spacing = Math.max(1, Math.min(60_000, room / (count + 1)));
        List<Long> ids = new ArrayList<>();
        List<Integer> parents = new ArrayList<>();
        List<Integer> depths = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            int parent = c == 0 || random.nextInt(5) < 2 ? -1 : c - 1 - random.nextInt(Math.min(c, 40));
            if (parent >= 0 && depths.get(parent) >= COMMENT_DEPTH) {
                parent = parents.get(parent);
            }
            int commenter = random.nextInt(COMMENTERS);
            CommentForm form = new CommentForm(
                    commenterName(commenter),
                    "reader-" + commenter + "@example.org",
                    commenter % 5 == 0 ? "https://example.net/" + WORDS[commenter % WORDS.length] : null,
                    commentText(random, c),
                    parent < 0 ? null : ids.get(parent));
            Instant at = published.plusMillis(spacing * (c + 1));
            ids.add(comments.importComment(articleId, form, CommentStatus.APPROVED, at)
                    .id());
            parents.add(parent);
            depths.add(parent < 0 ? 1 : depths.get(parent) + 1);
        }
        log.info("Generated {} comments in {} ms", count, (System.nanoTime() - started) / 1_000_000);
    }

    private static String commenterName(int commenter) {
        return capitalise(WORDS[commenter % WORDS.length]) + " "
                + capitalise(WORDS[(commenter * 7 + 3) % WORDS.length]);
    }

    private static String commentText(Random random, int c) {
        int paragraphs = random.nextInt(10) < 7 ? 1 : 2 + random.nextInt(3);
        StringBuilder text = new StringBuilder();
        for (int p = 0; p < paragraphs; p++) {
            int length = 3 + random.nextInt(random.nextInt(3) == 0 ? 100 : 25);
            text.append(p == 0 ? "" : "\n\n")
                    .append(capitalise(words(random, length)))
                    .append('.');
        }
        if (random.nextInt(8) == 0) {
            text.append(" See https://example.org/")
                    .append(WORDS[random.nextInt(WORDS.length)])
                    .append('/')
                    .append(c)
                    .append(" for the ")
                    .append(words(random, 2))
                    .append('.');
        }
        return text.toString();
    }

    private void ensureTaxonomy() {
        if (sections.all().isEmpty()) {
            for (String name : List.of("Americas", "Asia", "Europe", "Africa", "Middle East", "Business")) {
                sections.create(TermForm.section(name.toLowerCase().replace(' ', '-'), name, name + " news."));
            }
        }
        if (authors.all().isEmpty()) {
            for (int i = 1; i <= 8; i++) {
                authors.create(TermForm.author(
                        "reporter-" + i, "Reporter " + i, "Correspondent", "A generated reporter for benchmarks."));
            }
        }
        for (int i = 1; i <= 40; i++) {
            if (tags.findBySlug("bench-topic-" + i).isEmpty()) {
                tags.create(TermForm.tag("bench-topic-" + i, "Topic " + i, "topic"));
            }
        }
    }

    private static ArticleForm form(
            long i, Random random, GeneratedText text, List<String> sectionSlugs, List<String> authorSlugs) {
        String headline = text.words(random, 6 + random.nextInt(6)) + " " + i;
        String standfirst = text.sentence(random, 18 + random.nextInt(12));
        return new ArticleForm(
                "generated-story-" + i,
                headline,
                standfirst,
                body(i, random, text),
                sectionSlugs.get((int) (i % sectionSlugs.size())),
                List.of(authorSlugs.get((int) (i % authorSlugs.size()))),
                tagSlugs(i),
                leadImage(i));
    }

    /** Eight paragraphs, with a subheading, a quote, a list and story references to older stories. */
    private static String body(long i, Random random, GeneratedText text) {
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
            if (p == 4 && i > 10) {
                body.append("[[related: generated-story-").append(i / 2).append("]]\n\n");
            }
            body.append(text.paragraph(random, 60 + random.nextInt(40))).append("\n\n");
        }
        if (i > 3) {
            body.append("[[read-more: generated-story-").append(i - 2).append("]]\n");
        }
        return body.toString();
    }

    private static List<String> tagSlugs(long i) {
        List<String> tagSlugs = new ArrayList<>();
        tagSlugs.add("bench-topic-" + (1 + i % 40));
        tagSlugs.add("bench-topic-" + (1 + (i * 7 + 3) % 40));
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

    private static String words(Random random, int count) {
        StringBuilder text = new StringBuilder();
        for (int w = 0; w < count; w++) {
            text.append(w == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return text.toString();
    }

    private static String capitalise(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
