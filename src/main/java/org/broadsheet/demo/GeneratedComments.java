package org.broadsheet.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.broadsheet.comment.CommentForm;
import org.broadsheet.comment.CommentImports;
import org.broadsheet.comment.CommentStatus;
import org.broadsheet.comment.Visitor;

/**
 * Threaded reader comments for generated articles, added to a {@link CommentImports.Batch} so
 * that a batch of articles gets all its comments in one statement. About two in five are
 * top-level, the rest replies to recent comments of the same article (up to depth 3); one to
 * four paragraphs of a few to a hundred words; one in eight with a link; distinct times after
 * publication, oldest first. Deterministic for a given {@link Random}.
 */
final class GeneratedComments {

    static final String[] WORDS = ("minister talks border trade port harbour grain rail corridor court ruling "
                    + "election coalition budget inflation rate bank river drought harvest summit delegation envoy treaty "
                    + "pipeline council mayor protest strike union factory export import tariff quota ceasefire aid relief "
                    + "survey census parliament senate ballot turnout candidate campaign reform pension wage market shares "
                    + "currency reserve forecast quarter growth village valley coast island capital province region district")
            .split(" ");

    private static final int COMMENTERS = 80;
    private static final int COMMENT_DEPTH = 3;
    private static final Visitor NOBODY = new Visitor(null, null);

    private GeneratedComments() {}

    /**
     * How many of {@code total} comments spread over articles {@code 0..articles-1} article
     * {@code i} gets: the mean, plus or minus a deterministic amount that its neighbour (i xor 1)
     * gets the other way, so that the counts vary (none to twice the mean) and add up to
     * {@code total} when the count of articles is even.
     */
    static int spreadCount(long i, long articles, long total) {
        if (total <= 0 || articles <= 0) {
            return 0;
        }
        long mean = total / articles;
        long extra = i < total % articles ? 1 : 0;
        long pair = i & ~1L;
        if (pair + 1 >= articles) {
            return (int) (mean + extra);
        }
        long swing = Math.floorMod(pair * 2_654_435_761L, 2 * mean + 1) - mean;
        return (int) (mean + extra + (i == pair ? swing : -swing));
    }

    /** Adds {@code count} approved comments on the article to {@code batch}. */
    static void write(CommentImports.Batch batch, long articleId, Instant published, int count, Random random) {
        long room = Math.max(1, Duration.between(published, Instant.now()).toMillis());
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
            ids.add(batch.add(articleId, form, CommentStatus.APPROVED, false, at, NOBODY));
            parents.add(parent);
            depths.add(parent < 0 ? 1 : depths.get(parent) + 1);
        }
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

    private static String words(Random random, int count) {
        StringBuilder text = new StringBuilder();
        for (int w = 0; w < count; w++) {
            text.append(w == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return text.toString();
    }

    static String capitalise(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
