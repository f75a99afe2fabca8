package org.broadsheet.testkit;

import static org.broadsheet.web.TestCsrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.broadsheet.article.ArticleView;
import org.broadsheet.comment.CommentForm;
import org.broadsheet.comment.CommentPolicy;
import org.broadsheet.comment.FormTokens;
import org.broadsheet.comment.Moderation;
import org.broadsheet.comment.Visitor;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * What comment tests need: a fresh public article to comment on (through {@link Stories}),
 * commenters no other test has seen (emails and IP addresses, so that flood limits and
 * duplicates never cross tests), the comment form as a browser posts it, and the policy
 * builders.
 *
 * <p>The test site starts with the {@linkplain #open open} policy (nothing held, no form-time
 * or flood limits; see {@code application-test.properties}). A test that needs another sets
 * it with {@code CommentPolicies.update} inside a transaction that rolls back, or, when it
 * goes through a real server, runs in an application context of its own.
 * <pre>
 * ArticleView article = commenting.article("Port strike ends");
 * comments.post(article.id(), comment("Ana", "Well reported."), visitor());
 * site.perform(commenting.form(article, "name=Ben", "email=" + Comments.email(), "comment=Agreed."));
 * policies.update(Comments.withPaging(policies.current(), 3, 2));
 * </pre>
 */
@Component
public class Comments {

    /** The user agent of every {@link #visitor()}. */
    public static final String USER_AGENT = "Mozilla/5.0 (Tests)";

    private static final AtomicInteger ADDRESSES =
            new AtomicInteger(ThreadLocalRandom.current().nextInt(1 << 23));

    private final Stories stories;
    private final FormTokens tokens;

    Comments(Stories stories, FormTokens tokens) {
        this.stories = stories;
        this.tokens = tokens;
    }

    // ---- articles

    /** A new public article in {@link Stories#SECTION}, open for comments, published a minute ago. */
    public ArticleView article(String headline) {
        return stories.publish(stories.form(headline));
    }

    /** A new public article, published {@code ago} before now (comments close with age). */
    public ArticleView article(String headline, Duration ago) {
        return stories.publish(stories.form(headline), Instant.now().minus(ago));
    }

    // ---- commenters

    /** An email address no other commenter uses. */
    public static String email() {
        return Unique.email("reader");
    }

    /** A private IPv4 address ({@code 10.x.y.z}) no other commenter in this run uses. */
    public static String ip() {
        int n;
        do {
            n = ADDRESSES.incrementAndGet() & 0xff_ffff;
        } while ((n & 0xff) == 0 || (n & 0xff) == 0xff);
        return "10." + (n >> 16) + "." + (n >> 8 & 0xff) + "." + (n & 0xff);
    }

    /** A visitor from a new {@link #ip()}, with the tests' {@link #USER_AGENT}. */
    public static Visitor visitor() {
        return new Visitor(ip(), USER_AGENT);
    }

    /** A top-level comment by {@code name} from a new {@link #email()}, without a website. */
    public static CommentForm comment(String name, String text) {
        return new CommentForm(name, email(), null, text, null);
    }

    /** As {@link #comment}, replying to comment {@code parentId}. */
    public static CommentForm reply(String name, String text, long parentId) {
        return new CommentForm(name, email(), null, text, parentId);
    }

    // ---- the form

    /**
     * The comment form as a browser posts it to {@code /comments}: shown ten seconds ago (a
     * valid token), with a valid CSRF token, an empty honeypot, from a new {@link #ip()}.
     * {@code fields} are written {@code name=value} ({@code name}, {@code email}, {@code website},
     * {@code comment}, {@code parent}, {@code remember}); one given again replaces the
     * default, so a test may also set {@code article}, {@code token} or {@code subject}.
     * Add {@link #from} to send it from a given address.
     */
    public MockHttpServletRequestBuilder form(ArticleView article, String... fields) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("article", String.valueOf(article.id()));
        values.put("token", tokens.issue(article.id(), Instant.now().minusSeconds(10)));
        values.put("subject", "");
        for (String field : fields) {
            int equals = field.indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException("a field is name=value, not " + field);
            }
            values.put(field.substring(0, equals), field.substring(equals + 1));
        }
        MockHttpServletRequestBuilder request = post("/comments").with(csrf()).with(from(ip()));
        values.forEach(request::param);
        return request;
    }

    /** The request comes from {@code ip} (the last one given counts). */
    public static RequestPostProcessor from(String ip) {
        return request -> {
            request.setRemoteAddr(ip);
            return request;
        };
    }

    // ---- policies

    /** {@code base} with nothing held and no form-time or flood limits: the test site's policy. */
    public static CommentPolicy open(CommentPolicy base) {
        return policy(base, Moderation.NONE, Duration.ZERO, Duration.ZERO, 0);
    }

    /** {@code base} with this moderation, least form time and flood limits (zero: off). */
    public static CommentPolicy policy(
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

    /** {@code base} with replies nested {@code maxDepth} deep and {@code perPage} top-level comments a page. */
    public static CommentPolicy withPaging(CommentPolicy base, int maxDepth, int perPage) {
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

    /** {@code base} with these moderation words (held) and blocklist entries (spam). */
    public static CommentPolicy withLists(CommentPolicy base, List<String> moderationWords, List<String> blocklist) {
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
}
