package org.broadsheet.comment;

import static org.broadsheet.web.TestCsrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.broadsheet.article.ArticleForm;
import org.broadsheet.article.ArticleReader;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.ArticleView;
import org.broadsheet.article.ArticleWorkflow;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * What comment tests share: fresh public articles, unique commenters (emails and IP
 * addresses, so flood limits and duplicates never cross tests), policies, and the
 * comment form as a browser would post it.
 */
final class Commenting {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final ArticleService articles;
    private final ArticleWorkflow workflow;
    private final ArticleReader reader;
    private final CommentTokens tokens;

    Commenting(ArticleService articles, ArticleWorkflow workflow, ArticleReader reader, CommentTokens tokens) {
        this.articles = articles;
        this.workflow = workflow;
        this.reader = reader;
        this.tokens = tokens;
    }

    static int next() {
        return SEQUENCE.incrementAndGet();
    }

    static String uniqueEmail() {
        return "reader" + System.nanoTime() % 1_000_000_000L + "-" + next() + "@example.org";
    }

    /** A TEST-NET-free private address no other test uses. */
    static String uniqueIp() {
        int n = next() + (int) (System.nanoTime() % 1000) * 4096;
        return "10." + (n >> 16 & 0xff) + "." + (n >> 8 & 0xff) + "." + Math.max(1, n & 0xff);
    }

    /** The default policy with changes for a test: moderation, minimum form time and flood limits. */
    static CommentPolicy policy(
            CommentPolicy base, Moderation moderation, Duration minFormTime, Duration floodInterval, int floodPerHour) {
        return new CommentPolicy(
                moderation,
                base.maxLinks(),
                base.moderationWords(),
                base.blocklist(),
                minFormTime,
                floodInterval,
                floodPerHour,
                base.closeAfterDays(),
                base.maxDepth(),
                base.perPage(),
                base.retainIpDays());
    }

    /** A policy for tests about something else: nothing held, no timing or flood limits. */
    static CommentPolicy open(CommentPolicy base) {
        return policy(base, Moderation.NONE, Duration.ZERO, Duration.ZERO, 0);
    }

    static CommentPolicy withPaging(CommentPolicy base, int maxDepth, int perPage) {
        return new CommentPolicy(
                base.moderation(),
                base.maxLinks(),
                base.moderationWords(),
                base.blocklist(),
                base.minFormTime(),
                base.floodInterval(),
                base.floodPerHour(),
                base.closeAfterDays(),
                maxDepth,
                perPage,
                base.retainIpDays());
    }

    static CommentPolicy withLists(CommentPolicy base, List<String> moderationWords, List<String> blocklist) {
        return new CommentPolicy(
                base.moderation(),
                base.maxLinks(),
                moderationWords,
                blocklist,
                base.minFormTime(),
                base.floodInterval(),
                base.floodPerHour(),
                base.closeAfterDays(),
                base.maxDepth(),
                base.perPage(),
                base.retainIpDays());
    }

    /** A new public article, published {@code ago} before now. */
    ArticleView article(String headline, Duration ago) {
        String slug = "comment-test-" + System.nanoTime() % 1_000_000_000L + "-" + next();
        long id = articles.create(new ArticleForm(
                        slug,
                        headline,
                        "A standfirst for " + headline + ".",
                        "A paragraph to comment on.\n",
                        "americas",
                        List.of("daniel-reyes"),
                        List.of("diplomacy"),
                        null))
                .id();
        workflow.publish(id, Instant.now().minus(ago));
        return reader.findById(id).orElseThrow();
    }

    ArticleView article(String headline) {
        return article(headline, Duration.ofMinutes(5));
    }

    /**
     * The comment form as a browser sends it, shown ten seconds ago, with a valid CSRF token;
     * {@code fields} are name/value pairs and may replace the article, token or honeypot.
     */
    MockHttpServletRequestBuilder form(ArticleView article, String ip, String... fields) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("article", String.valueOf(article.id()));
        values.put("token", tokens.issue(article.id(), Instant.now().minusSeconds(10)));
        values.put("subject", "");
        for (int i = 0; i + 1 < fields.length; i += 2) {
            values.put(fields[i], fields[i + 1]); // a field given again replaces the default
        }
        MockHttpServletRequestBuilder request = post("/comments").with(csrf()).with(r -> {
            r.setRemoteAddr(ip);
            return r;
        });
        values.forEach(request::param);
        return request;
    }

    static CommentForm comment(String name, String text) {
        return new CommentForm(name, uniqueEmail(), null, text, null);
    }

    static CommentForm reply(String name, String text, long parentId) {
        return new CommentForm(name, uniqueEmail(), null, text, parentId);
    }

    static Visitor visitor() {
        return new Visitor(uniqueIp(), "Mozilla/5.0 (Tests)");
    }
}
