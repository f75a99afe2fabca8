package org.broadsheet.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadsheet.testkit.Comments.comment;
import static org.broadsheet.testkit.Comments.from;
import static org.broadsheet.testkit.Comments.policy;
import static org.broadsheet.testkit.Comments.reply;
import static org.broadsheet.testkit.Comments.visitor;
import static org.broadsheet.testkit.Comments.withPaging;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.broadsheet.BroadsheetTest;
import org.broadsheet.article.ArticleForm;
import org.broadsheet.article.ArticleView;
import org.broadsheet.testkit.Comments;
import org.broadsheet.testkit.SiteTest;
import org.broadsheet.testkit.Unique;
import org.broadsheet.web.TestCsrf;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.annotation.Transactional;

/**
 * The comments on the article page, and the form's answers, as a reader's browser gets them
 * (through MockMvc, in the test's thread). Each test rolls back, policy changes included.
 */
@BroadsheetTest
@Transactional
class CommentPageTests extends SiteTest {

    @Autowired
    CommentTokens tokens;

    @Autowired
    JdbcClient jdbc;

    /** The HTML of an answer, whatever its status. */
    private static Document html(MockHttpServletResponse response) throws Exception {
        return Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
    }

    /** The request carries this cookie too. */
    private static RequestPostProcessor cookie(Cookie cookie) {
        return request -> {
            TestCsrf.addCookie(request, cookie);
            return request;
        };
    }

    private long count(ArticleView article) {
        return jdbc.sql("select count(*) from comment where article_id = ?")
                .param(article.id())
                .query(Long.class)
                .single();
    }

    // ---- what a reader sees

    @Test
    void formHasEveryFieldLabelledWithItsLimitsAndTheNotes() throws Exception {
        ArticleView article = commenting.article("Form fields");
        Document doc = site.page(article.url());
        assertThat(doc.selectFirst("#comments-heading").text()).isEqualTo("Be the first to comment");
        assertThat(doc.selectFirst("#reply-title").text()).isEqualTo("Leave a Reply");
        Element form = doc.selectFirst("form#comment-form");
        assertThat(form.attr("method")).isEqualTo("post");
        assertThat(form.attr("action"))
                .as("a refused comment opens at the form")
                .isEqualTo("/comments#respond");

        record Field(String id, String name, String type, String max, String autocomplete, boolean required) {}
        for (Field f : List.of(
                new Field("author", "name", "text", "245", "name", true),
                new Field("email", "email", "email", "100", "email", true),
                new Field("url", "website", "url", "200", "url", false))) {
            Element input = form.selectFirst("input#" + f.id());
            assertThat(input.attr("name")).isEqualTo(f.name());
            assertThat(input.attr("type")).isEqualTo(f.type());
            assertThat(input.attr("maxlength")).isEqualTo(f.max());
            assertThat(input.attr("autocomplete")).isEqualTo(f.autocomplete());
            assertThat(input.hasAttr("required")).as(f.id()).isEqualTo(f.required());
            assertThat(form.select("label[for=" + f.id() + "]")).hasSize(1);
        }
        Element text = form.selectFirst("textarea#comment");
        assertThat(text.attr("maxlength")).isEqualTo("10000");
        assertThat(text.hasAttr("required")).isTrue();
        assertThat(form.selectFirst("label[for=comment]").text()).isEqualTo("Comment *");

        Element email = form.selectFirst("#email");
        assertThat(doc.getElementById(email.attr("aria-describedby")).text())
                .isEqualTo("Your email address will not be published.");
        assertThat(form.selectFirst(".comment-notes").text()).contains("Required fields are marked *");
        Element remember = form.selectFirst("input#remember[type=checkbox]");
        assertThat(remember.hasAttr("checked")).as("opt-in, never pre-ticked").isFalse();
        assertThat(form.selectFirst("label[for=remember]").text())
                .isEqualTo("Save my name, email, and website in this browser for the next time I comment.");
        assertThat(form.select("input[type=hidden][name=_csrf]"))
                .as("no per-reader token: the page is cached for everyone")
                .isEmpty();
        assertThat(form.select("input[type=hidden][name=token]").attr("value")).isNotBlank();
    }

    @Test
    void countHeadingThreadsAndCommentParts() throws Exception {
        ArticleView article = commenting.article("Threads");
        long first = comments.post(
                        article.id(),
                        new CommentForm(
                                "Ana <Reyes>",
                                Comments.email(),
                                "https://ana.example/blog",
                                "First point.\nSecond line.\n\nNew paragraph with https://ref.example/x.",
                                null),
                        visitor())
                .id();
        assertThat(site.page(article.url()).selectFirst("#comments-heading").text())
                .isEqualTo("1 Comment");
        long answer = comments.post(article.id(), reply("Ben", "An answer", first), visitor())
                .id();
        long later = comments.post(article.id(), comment("Cy", "A later comment"), visitor())
                .id();

        Document doc = site.page(article.url());
        assertThat(doc.selectFirst("#comments-heading").text()).isEqualTo("3 Comments");
        assertThat(doc.select("ol.comment-list > li").eachAttr("id"))
                .containsExactly("comment-" + first, "comment-" + later);
        assertThat(doc.select("#comment-" + first + " > ol.comment-replies > li")
                        .eachAttr("id"))
                .containsExactly("comment-" + answer);

        Element c = doc.getElementById("comment-" + first);
        Element name = c.selectFirst(".comment-author a");
        assertThat(name.text()).isEqualTo("Ana <Reyes>");
        assertThat(name.attr("href")).isEqualTo("https://ana.example/blog");
        assertThat(name.attr("rel")).isEqualTo("nofollow ugc noopener");
        assertThat(c.selectFirst("time").attr("datetime")).matches("\\d{4}-\\d\\d-\\d\\dT.*");
        assertThat(c.selectFirst(".comment-date a").attr("href")).isEqualTo(article.url() + "#comment-" + first);
        c = c.selectFirst(".comment-body");
        assertThat(c.select(".comment-text p")).hasSize(2);
        assertThat(c.select(".comment-text p").first().select("br")).hasSize(1);
        assertThat(c.selectFirst(".comment-text a").attr("href")).isEqualTo("https://ref.example/x");
        assertThat(c.selectFirst(".comment-text a").attr("rel")).isEqualTo("nofollow ugc noopener");
        Element replyLink = c.selectFirst(".comment-reply a");
        assertThat(replyLink.text()).isEqualTo("Reply");
        assertThat(replyLink.attr("href")).isEqualTo(article.url() + "?replytocom=" + first + "#respond");
        assertThat(doc.getElementById("comment-" + later).selectFirst(".comment-author a"))
                .as("no website, no link")
                .isNull();

        MockHttpServletResponse twice = site.perform(commenting
                .form(article, "name=Two", "email=" + Comments.email(), "comment=Two names")
                .param("name", "Other"));
        assertThat(twice.getStatus()).as("a field sent twice").isEqualTo(400);
    }

    @Test
    void repliesBeyondTheDepthLimitAreShownAtTheDeepestLevel() throws Exception {
        policies.update(withPaging(policies.current(), 2, 50));
        ArticleView article = commenting.article("Depth two");
        long top = comments.post(article.id(), comment("A", "Top"), visitor()).id();
        long second = comments.post(article.id(), reply("B", "Second", top), visitor())
                .id();
        long third = comments.post(article.id(), reply("C", "Third", second), visitor())
                .id();

        Document doc = site.page(article.url());
        assertThat(doc.select("#comment-" + top + " > ol.comment-replies > li").eachAttr("id"))
                .containsExactly("comment-" + second, "comment-" + third);
        assertThat(doc.select(".comment-replies .comment-replies")).isEmpty();
    }

    @Test
    void commentLinksFollowTheArticlesNewAddress() throws Exception {
        ArticleForm form = stories.form("Renamed later");
        ArticleView article = stories.publish(form);
        long id = comments.post(article.id(), comment("Ray", "Before the rename"), visitor())
                .id();
        assertThat(site.page(article.url())
                        .selectFirst("#comment-" + id + " .comment-date a")
                        .attr("href"))
                .isEqualTo(article.url() + "#comment-" + id);
        String slug = Unique.slug("renamed");
        articles.update(article.id(), form.withSlug(slug));
        ArticleView renamed = stories.view(article.id());
        assertThat(renamed.url()).endsWith("/" + slug);
        assertThat(site.page(renamed.url())
                        .selectFirst("#comment-" + id + " .comment-date a")
                        .attr("href"))
                .isEqualTo(renamed.url() + "#comment-" + id);
    }

    @Test
    void manyTopLevelCommentsArePaginatedOldestFirst() throws Exception {
        policies.update(withPaging(policies.current(), 3, 2));
        ArticleView article = commenting.article("Pages of comments");
        long[] ids = new long[5];
        for (int i = 0; i < 5; i++) {
            ids[i] = comments.post(article.id(), comment("R" + i, "Comment number " + i), visitor())
                    .id();
        }
        long reply = comments.post(article.id(), reply("S", "A reply on page one", ids[0]), visitor())
                .id();

        Document first = site.page(article.url());
        assertThat(first.selectFirst("#comments-heading").text()).isEqualTo("6 Comments");
        assertThat(first.select("ol.comment-list > li").eachAttr("id"))
                .containsExactly("comment-" + ids[0], "comment-" + ids[1]);
        assertThat(first.getElementById("comment-" + reply)).isNotNull();
        assertThat(first.selectFirst(".comment-pages").text()).contains("Page 1 of 3");
        assertThat(first.selectFirst(".comment-pages a[rel=next]").attr("href"))
                .isEqualTo(article.url() + "?comment-page=2#comments");

        Document third = site.page(article.url() + "?comment-page=3");
        assertThat(third.select("meta[name=robots]").attr("content")).isEqualTo("noindex, follow");
        assertThat(third.select("ol.comment-list > li").eachAttr("id")).containsExactly("comment-" + ids[4]);
        assertThat(third.selectFirst(".comment-pages a[rel=prev]").attr("href"))
                .isEqualTo(article.url() + "?comment-page=2#comments");
        assertThat(third.selectFirst(".comment-date a").attr("href"))
                .isEqualTo(article.url() + "?comment-page=3#comment-" + ids[4]);

        assertNotFound(article.url() + "?comment-page=", List.of("4", "0", "-1", "abc", "99999999999"));
    }

    @Test
    void replyLinkWithoutJavaScriptSetsTheFormToReply() throws Exception {
        ArticleView article = commenting.article("Reply without script");
        long id = comments.post(article.id(), comment("Dana", "Reply to me"), visitor())
                .id();
        assertThat(site.page(article.url()).select("meta[name=robots]"))
                .as("the article itself is indexed")
                .isEmpty();
        Document doc = site.page(article.url() + "?replytocom=" + id);
        assertThat(doc.select("meta[name=robots]").attr("content")).isEqualTo("noindex, follow");
        assertThat(doc.selectFirst("#reply-title").text()).isEqualTo("Reply to Dana Cancel reply");
        assertThat(doc.selectFirst("#cancel-reply").attr("href")).isEqualTo(article.url() + "#respond");
        assertThat(doc.selectFirst("#comment-parent").attr("value")).isEqualTo(String.valueOf(id));

        long held = jdbc.sql("select max(id) from comment").query(Long.class).single() + 1000;
        assertNotFound(article.url() + "?replytocom=", List.of(String.valueOf(held), "abc", "0", "-3"));
    }

    @Test
    void closedArticleKeepsItsCommentsAndHasNoForm() throws Exception {
        ArticleView article = commenting.article("Closed by the desk");
        comments.post(article.id(), comment("Eve", "Said before closing"), visitor());
        workflow.setCommentsOpen(article.id(), false);
        MockHttpServletResponse result = site.get(article.url());
        Document doc = html(result);
        assertThat(doc.selectFirst("#comments-heading").text()).isEqualTo("1 Comment");
        assertThat(doc.selectFirst(".comments-closed").text()).isEqualTo("Comments are closed.");
        assertThat(doc.select("form#comment-form")).isEmpty();
        assertThat(doc.select(".comment-reply")).isEmpty();
        assertThat(doc.text()).contains("Said before closing");
        assertThat(result.getHeader("Cache-Control"))
                .as("the same for everyone")
                .startsWith("public, max-age=60, ");
        String etag = result.getHeader("ETag");
        assertThat(etag).isNotBlank();
        assertThat(site.perform(get(article.url()).header("If-None-Match", etag))
                        .getStatus())
                .isEqualTo(304);

        ArticleView old = commenting.article("Closed by age", Duration.ofDays(45));
        assertThat(site.page(old.url()).selectFirst(".comments-closed").text()).isEqualTo("Comments are closed.");
        assertThat(site.page(old.url()).selectFirst("#comments-heading").text()).isEqualTo("No comments");
    }

    // ---- posting

    @Test
    void postedCommentRedirectsToItsAnchorAndAppears() throws Exception {
        ArticleView article = commenting.article("Post and see");
        MockHttpServletResponse posted = site.perform(
                commenting.form(article, "name=Fay", "email=" + Comments.email(), "comment=Visible at once"));
        assertThat(posted.getStatus()).isEqualTo(303);
        long id = jdbc.sql("select max(id) from comment where article_id = ?")
                .param(article.id())
                .query(Long.class)
                .single();
        assertThat(posted.getHeader("Location")).isEqualTo(article.url() + "#comment-" + id);
        assertThat(posted.getCookie(CommentCookies.AUTHOR))
                .as("not asked to remember")
                .isNull();
        Document doc = site.page(article.url());
        assertThat(doc.getElementById("comment-" + id)
                        .selectFirst(".comment-text")
                        .text())
                .isEqualTo("Visible at once");
    }

    @Test
    void newCommentOnALaterPageRedirectsToThatPage() throws Exception {
        policies.update(withPaging(policies.current(), 3, 1));
        ArticleView article = commenting.article("Redirect to page");
        comments.post(article.id(), comment("G", "Page one"), visitor());
        MockHttpServletResponse posted =
                site.perform(commenting.form(article, "name=H", "email=" + Comments.email(), "comment=Page two"));
        assertThat(posted.getHeader("Location")).startsWith(article.url() + "?comment-page=2#comment-");
    }

    @Test
    void heldCommentIsVisibleOnlyToItsAuthorUntilApproved() throws Exception {
        policies.update(policy(policies.current(), Moderation.FIRST, Duration.ZERO, Duration.ZERO, 0));
        ArticleView article = commenting.article("Held for moderation");
        MockHttpServletResponse posted = site.perform(
                commenting.form(article, "name=Hal", "email=" + Comments.email(), "comment=Waiting my turn"));
        assertThat(posted.getStatus()).isEqualTo(303);
        Cookie held = posted.getCookie(CommentCookies.HELD);
        assertThat(held).isNotNull();
        assertThat(held.isHttpOnly()).isTrue();
        long id = jdbc.sql("select max(id) from comment where article_id = ?")
                .param(article.id())
                .query(Long.class)
                .single();

        MockHttpServletResponse mine = site.get(article.url(), cookie(held));
        Element own = html(mine).getElementById("comment-" + id);
        assertThat(own.selectFirst(".comment-awaiting").text()).isEqualTo("Your comment is awaiting moderation.");
        assertThat(own.selectFirst(".comment-text").text()).isEqualTo("Waiting my turn");
        assertThat(own.select(".comment-reply"))
                .as("no replies to a held comment")
                .isEmpty();
        assertThat(mine.getHeader("Cache-Control")).startsWith("private");

        Document others = site.page(article.url());
        assertThat(others.getElementById("comment-" + id)).isNull();
        assertThat(others.text()).doesNotContain("Waiting my turn");
        Cookie forged = new Cookie(CommentCookies.HELD, id + ".AAAA");
        assertThat(site.page(article.url(), cookie(forged)).getElementById("comment-" + id))
                .isNull();

        comments.approve(id);
        Document approved = site.page(article.url());
        assertThat(approved.getElementById("comment-" + id).select(".comment-awaiting"))
                .isEmpty();
        assertThat(approved.selectFirst("#comments-heading").text()).isEqualTo("1 Comment");
    }

    @Test
    void fieldErrorsReshowTheFormWithTheTextKept() throws Exception {
        ArticleView article = commenting.article("Errors beside fields");
        MockHttpServletResponse result = site.perform(commenting.form(
                article,
                "name=  ",
                "email=not-an-email",
                "website=javascript:alert(1)",
                "comment=My careful\nthoughts"));
        assertThat(result.getStatus()).isEqualTo(422);
        Document doc = html(result);
        assertThat(doc.selectFirst("h1").text()).isEqualTo(article.headline());
        assertThat(doc.selectFirst("textarea#comment").wholeText()).isEqualTo("My careful\nthoughts");
        assertThat(doc.selectFirst("#email").attr("value")).isEqualTo("not-an-email");
        assertThat(doc.selectFirst("#url").attr("value")).isEqualTo("javascript:alert(1)");
        assertThat(doc.selectFirst(".form-problem").text()).contains("not posted");
        for (String field : List.of("name", "email", "website")) {
            Element error = doc.getElementById(field + "-error");
            assertThat(error).as(field).isNotNull();
            Element input = error.parent().selectFirst("input");
            assertThat(input.attr("aria-invalid")).isEqualTo("true");
            assertThat(input.attr("aria-describedby")).contains(field + "-error");
        }
        assertThat(doc.selectFirst("#email").attr("aria-describedby")).isEqualTo("email-notes email-error");
        assertThat(doc.getElementById("website-error").text()).contains("http:// or https://");
        assertThat(doc.getElementById("comment-error")).isNull();
        assertThat(doc.select("a[href^=javascript]")).isEmpty();
        assertThat(count(article)).isZero();
    }

    @Test
    void rememberCookieHoldsOnlyWhatTheReaderOptedInto() throws Exception {
        ArticleView article = commenting.article("Remember me");
        String email = Comments.email();
        MockHttpServletResponse posted = site.perform(commenting.form(
                article,
                "name=Ida",
                "email=" + email,
                "website=https://ida.example",
                "comment=Remember me",
                "remember=yes"));
        Cookie author = posted.getCookie(CommentCookies.AUTHOR);
        assertThat(author).isNotNull();
        assertThat(author.isHttpOnly())
                .as("comments.js fills the form in from it")
                .isFalse();
        assertThat(new String(Base64.getUrlDecoder().decode(author.getValue()), StandardCharsets.UTF_8))
                .isEqualTo("Ida\n" + email + "\nhttps://ida.example");
        Document doc = site.page(article.url(), cookie(author));
        assertThat(doc.html()).as("the page is the same for everyone").doesNotContain(email);
        assertThat(doc.selectFirst("#author").attr("value")).isEmpty();
        assertThat(doc.selectFirst("#remember").hasAttr("checked")).isFalse();

        MockHttpServletResponse unticked = site.perform(commenting
                .form(article, "name=Ida", "email=" + email, "comment=Forget me now")
                .cookie(author));
        Cookie cleared = unticked.getCookie(CommentCookies.AUTHOR);
        assertThat(cleared.getMaxAge()).isZero();
        assertThat(cleared.getValue()).isEmpty();
    }

    // ---- refusals

    @Test
    void postFromAnotherSiteIsRefusedAndNothingIsStored() throws Exception {
        ArticleView article = commenting.article("Cross-site");
        String[][] forged = {
            {"Origin", "https://elsewhere.example"},
            {"Origin", "null"},
            {"Origin", "http://localhost.elsewhere.example"},
            {"Sec-Fetch-Site", "cross-site"},
            {"Sec-Fetch-Site", "same-site"}
        };
        for (String[] header : forged) {
            MockHttpServletResponse result = site.perform(commenting
                    .form(article, "name=Jan", "email=" + Comments.email(), "comment=Forged " + header[1])
                    .header(header[0], header[1]));
            assertThat(result.getStatus()).as(header[0] + ": " + header[1]).isEqualTo(403);
            assertThat(html(result).selectFirst("h1").text()).isEqualTo("Comment not accepted");
        }
        // Sec-Fetch-Site decides when a browser sends it, whatever Origin says.
        MockHttpServletResponse mixed = site.perform(commenting
                .form(article, "name=Jan", "email=" + Comments.email(), "comment=Mixed")
                .header("Origin", "http://localhost")
                .header("Sec-Fetch-Site", "cross-site"));
        assertThat(mixed.getStatus()).isEqualTo(403);
        assertThat(count(article)).isZero();

        // The site's own pages: same origin by either header.
        assertThat(site.perform(commenting
                                .form(article, "name=Jan", "email=" + Comments.email(), "comment=From the page")
                                .header("Origin", "http://localhost")
                                .header("Sec-Fetch-Site", "same-origin"))
                        .getStatus())
                .isEqualTo(303);
        assertThat(count(article)).isEqualTo(1);
    }

    @Test
    void filledHoneypotIsRefused() throws Exception {
        ArticleView article = commenting.article("Honeypot");
        MockHttpServletResponse result = site.perform(commenting.form(
                article, "name=Bot", "email=" + Comments.email(), "comment=Buy now", "subject=Great offer"));
        assertThat(result.getStatus()).isEqualTo(400);
        assertThat(html(result).selectFirst("h1").text()).isEqualTo("Comment not accepted");
        assertThat(count(article)).isZero();
    }

    @Test
    void formSentTooSoonIsShownAgainAndForgedTokensAreRefused() throws Exception {
        policies.update(policy(policies.current(), Moderation.NONE, Duration.ofSeconds(3), Duration.ZERO, 0));
        ArticleView article = commenting.article("Too quick");
        ArticleView other = commenting.article("Token elsewhere");
        String email = Comments.email();

        MockHttpServletResponse quick = site.perform(commenting.form(
                article,
                "name=Kim",
                "email=" + email,
                "comment=Typed very fast",
                "token=" + tokens.issue(article.id(), Instant.now())));
        assertThat(quick.getStatus()).isEqualTo(422);
        assertThat(html(quick).selectFirst(".form-problem").text()).contains("quicker than we allow");
        assertThat(html(quick).selectFirst("textarea#comment").wholeText()).isEqualTo("Typed very fast");

        MockHttpServletResponse stale = site.perform(commenting.form(
                article,
                "name=Kim",
                "email=" + email,
                "comment=Left open",
                "token=" + tokens.issue(article.id(), Instant.now().minus(Duration.ofDays(2)))));
        assertThat(stale.getStatus()).isEqualTo(422);
        assertThat(html(stale).selectFirst(".form-problem").text()).contains("open for too long");

        for (String token : List.of(
                "",
                "abc",
                "123.xyz",
                tokens.issue(other.id(), Instant.now().minusSeconds(10)),
                "9999999999."
                        + tokens.issue(article.id(), Instant.now().minusSeconds(10))
                                .split("\\.")[1])) {
            MockHttpServletResponse forged = site.perform(commenting.form(
                    article, "name=Kim", "email=" + email, "comment=Forged " + token, "token=" + token));
            assertThat(forged.getStatus()).as(token).isEqualTo(400);
        }
        assertThat(count(article)).isZero();
    }

    @Test
    void controlCharactersAndInvalidUtf8AreRefused() throws Exception {
        ArticleView article = commenting.article("Bad bytes");
        for (String[] field : new String[][] {
            {"comment", "bell\u0007"},
            {"comment", "nul\u0000"},
            {"name", "Tab\tName"},
            {"name", "Line\nbreak"},
            {"email", "a\u0085@example.org"},
            {"website", "https://x.example/\u001b"}
        }) {
            MockHttpServletResponse result = site.perform(commenting.form(
                    article, "name=Lee", "email=" + Comments.email(), "comment=Fine text", field[0] + "=" + field[1]));
            assertThat(result.getStatus()).as(field[0]).isEqualTo(400);
        }
        byte[] invalid = ("article=" + article.id() + "&name=Lee&email=lee%40example.org&comment=caf%C3%28")
                .getBytes(StandardCharsets.US_ASCII);
        MockHttpServletResponse percent = site.perform(post("/comments")
                .with(TestCsrf.csrf())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content(invalid));
        assertThat(percent.getStatus()).isEqualTo(400);
        assertThat(count(article)).isZero();
    }

    @Test
    void floodingIsAnswered429WithRetryAfterAndTheTextKept() throws Exception {
        policies.update(policy(policies.current(), Moderation.NONE, Duration.ZERO, Duration.ofSeconds(15), 10));
        ArticleView article = commenting.article("Flood page");
        String ip = Comments.ip();
        assertThat(site.perform(commenting
                                .form(article, "name=Mo", "email=" + Comments.email(), "comment=First")
                                .with(from(ip)))
                        .getStatus())
                .isEqualTo(303);
        MockHttpServletResponse flood = site.perform(commenting
                .form(article, "name=Mo", "email=" + Comments.email(), "comment=Second, too soon")
                .with(from(ip)));
        assertThat(flood.getStatus()).isEqualTo(429);
        assertThat(Integer.parseInt(flood.getHeader("Retry-After"))).isBetween(1, 15);
        Document doc = html(flood);
        assertThat(doc.selectFirst(".form-problem").text()).contains("too quickly");
        assertThat(doc.selectFirst("textarea#comment").wholeText()).isEqualTo("Second, too soon");
        assertThat(count(article)).isEqualTo(1);
    }

    @Test
    void duplicateIsAnswered409WithALinkToTheFirst() throws Exception {
        ArticleView article = commenting.article("Duplicate page");
        String email = Comments.email();
        site.perform(commenting.form(article, "name=Ned", "email=" + email, "comment=Same"));
        MockHttpServletResponse again =
                site.perform(commenting.form(article, "name=Ned", "email=" + email, "comment=Same"));
        assertThat(again.getStatus()).isEqualTo(409);
        long id = jdbc.sql("select max(id) from comment where article_id = ?")
                .param(article.id())
                .query(Long.class)
                .single();
        Element problem = html(again).selectFirst(".form-problem");
        assertThat(problem.text()).contains("already posted");
        assertThat(problem.selectFirst("a").attr("href")).isEqualTo(article.url() + "#comment-" + id);
        assertThat(count(article)).isEqualTo(1);
    }

    @Test
    void commentOnAClosedOrMissingArticleIsRefused() throws Exception {
        ArticleView article = commenting.article("Closed for posting");
        workflow.setCommentsOpen(article.id(), false);
        MockHttpServletResponse closed =
                site.perform(commenting.form(article, "name=Ola", "email=" + Comments.email(), "comment=Too late"));
        assertThat(closed.getStatus()).isEqualTo(403);
        assertThat(html(closed).text()).contains("Comments are closed");
        assertThat(count(article)).isZero();

        MockHttpServletResponse missing = site.perform(commenting.form(
                article, "name=Ola", "email=" + Comments.email(), "comment=Nowhere", "article=987654321"));
        assertThat(missing.getStatus()).isEqualTo(404);
        for (String bad : List.of("", "abc", "-1", "1e3")) {
            assertThat(site.perform(commenting.form(
                                    article,
                                    "name=Ola",
                                    "email=" + Comments.email(),
                                    "comment=Bad id",
                                    "article=" + bad))
                            .getStatus())
                    .as(bad)
                    .isEqualTo(400);
        }
    }

    /** Asserts that each of {@code values} after {@code prefix} is an address readers get 404 for. */
    private void assertNotFound(String prefix, List<String> values) {
        for (String value : values) {
            assertThat(site.status(prefix + value)).as(value).isEqualTo(404);
        }
    }
}
