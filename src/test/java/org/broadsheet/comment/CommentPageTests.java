package org.broadsheet.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadsheet.comment.Commenting.comment;
import static org.broadsheet.comment.Commenting.reply;
import static org.broadsheet.comment.Commenting.visitor;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.broadsheet.BroadsheetTest;
import org.broadsheet.article.ArticleView;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The comments on the article page, and the form's answers, as a reader's browser gets them. */
@BroadsheetTest
class CommentPageTests extends CommentingTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    CommentService comments;

    @Autowired
    JdbcClient jdbc;

    private MvcResult fetch(String url, Cookie... cookies) throws Exception {
        var request = get(url);
        if (cookies.length > 0) {
            request.cookie(cookies);
        }
        return mvc.perform(request).andReturn();
    }

    private Document page(String url, Cookie... cookies) throws Exception {
        MvcResult result = fetch(url, cookies);
        assertThat(result.getResponse().getStatus()).as(url).isEqualTo(200);
        return Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private static Document body(MvcResult result) throws Exception {
        return Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
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
        Document doc = page(article.url());
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
        assertThat(form.select("input[type=hidden][name=_csrf]").attr("value")).isNotBlank();
        assertThat(form.select("input[type=hidden][name=token]").attr("value")).isNotBlank();
    }

    @Test
    void countHeadingThreadsAndCommentParts() throws Exception {
        ArticleView article = commenting.article("Threads");
        long first = comments.post(
                        article.id(),
                        new CommentForm(
                                "Ana <Reyes>",
                                Commenting.uniqueEmail(),
                                "https://ana.example/blog",
                                "First point.\nSecond line.\n\nNew paragraph with https://ref.example/x.",
                                null),
                        visitor())
                .id();
        assertThat(page(article.url()).selectFirst("#comments-heading").text()).isEqualTo("1 Comment");
        long answer = comments.post(article.id(), reply("Ben", "An answer", first), visitor())
                .id();
        long later = comments.post(article.id(), comment("Cy", "A later comment"), visitor())
                .id();

        Document doc = page(article.url());
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

        MvcResult twice = mvc.perform(commenting
                        .form(
                                article,
                                Commenting.uniqueIp(),
                                "name",
                                "Two",
                                "email",
                                Commenting.uniqueEmail(),
                                "comment",
                                "Two names")
                        .param("name", "Other"))
                .andReturn();
        assertThat(twice.getResponse().getStatus()).as("a field sent twice").isEqualTo(400);
    }

    @Test
    void repliesBeyondTheDepthLimitAreShownAtTheDeepestLevel() throws Exception {
        policies.update(Commenting.withPaging(policies.current(), 2, 50));
        ArticleView article = commenting.article("Depth two");
        long top = comments.post(article.id(), comment("A", "Top"), visitor()).id();
        long second = comments.post(article.id(), reply("B", "Second", top), visitor())
                .id();
        long third = comments.post(article.id(), reply("C", "Third", second), visitor())
                .id();

        Document doc = page(article.url());
        assertThat(doc.select("#comment-" + top + " > ol.comment-replies > li").eachAttr("id"))
                .containsExactly("comment-" + second, "comment-" + third);
        assertThat(doc.select(".comment-replies .comment-replies")).isEmpty();
    }

    @Test
    void commentLinksFollowTheArticlesNewAddress() throws Exception {
        ArticleView article = commenting.article("Renamed later");
        long id = comments.post(article.id(), comment("Ray", "Before the rename"), visitor())
                .id();
        assertThat(page(article.url())
                        .selectFirst("#comment-" + id + " .comment-date a")
                        .attr("href"))
                .isEqualTo(article.url() + "#comment-" + id);
        String slug = "renamed-" + Commenting.next() + "-" + System.nanoTime() % 1_000_000;
        articles.update(
                article.id(),
                new org.broadsheet.article.ArticleForm(
                        slug,
                        article.headline(),
                        article.standfirst(),
                        "A paragraph to comment on.\n",
                        "americas",
                        List.of("daniel-reyes"),
                        List.of("diplomacy"),
                        null));
        ArticleView renamed = reader.findById(article.id()).orElseThrow();
        assertThat(renamed.url()).endsWith("/" + slug);
        assertThat(page(renamed.url())
                        .selectFirst("#comment-" + id + " .comment-date a")
                        .attr("href"))
                .isEqualTo(renamed.url() + "#comment-" + id);
    }

    @Test
    void manyTopLevelCommentsArePaginatedOldestFirst() throws Exception {
        policies.update(Commenting.withPaging(policies.current(), 3, 2));
        ArticleView article = commenting.article("Pages of comments");
        long[] ids = new long[5];
        for (int i = 0; i < 5; i++) {
            ids[i] = comments.post(article.id(), comment("R" + i, "Comment number " + i), visitor())
                    .id();
        }
        long reply = comments.post(article.id(), reply("S", "A reply on page one", ids[0]), visitor())
                .id();

        Document first = page(article.url());
        assertThat(first.selectFirst("#comments-heading").text()).isEqualTo("6 Comments");
        assertThat(first.select("ol.comment-list > li").eachAttr("id"))
                .containsExactly("comment-" + ids[0], "comment-" + ids[1]);
        assertThat(first.getElementById("comment-" + reply)).isNotNull();
        assertThat(first.selectFirst(".comment-pages").text()).contains("Page 1 of 3");
        assertThat(first.selectFirst(".comment-pages a[rel=next]").attr("href"))
                .isEqualTo(article.url() + "?comment-page=2#comments");

        Document third = page(article.url() + "?comment-page=3");
        assertThat(third.select("meta[name=robots]").attr("content")).isEqualTo("noindex, follow");
        assertThat(third.select("ol.comment-list > li").eachAttr("id")).containsExactly("comment-" + ids[4]);
        assertThat(third.selectFirst(".comment-pages a[rel=prev]").attr("href"))
                .isEqualTo(article.url() + "?comment-page=2#comments");
        assertThat(third.selectFirst(".comment-date a").attr("href"))
                .isEqualTo(article.url() + "?comment-page=3#comment-" + ids[4]);

        for (String bad : List.of("4", "0", "-1", "abc", "99999999999")) {
            assertThat(fetch(article.url() + "?comment-page=" + bad)
                            .getResponse()
                            .getStatus())
                    .as(bad)
                    .isEqualTo(404);
        }
    }

    @Test
    void replyLinkWithoutJavaScriptSetsTheFormToReply() throws Exception {
        ArticleView article = commenting.article("Reply without script");
        long id = comments.post(article.id(), comment("Dana", "Reply to me"), visitor())
                .id();
        assertThat(page(article.url()).select("meta[name=robots]"))
                .as("the article itself is indexed")
                .isEmpty();
        Document doc = page(article.url() + "?replytocom=" + id);
        assertThat(doc.select("meta[name=robots]").attr("content")).isEqualTo("noindex, follow");
        assertThat(doc.selectFirst("#reply-title").text()).isEqualTo("Reply to Dana Cancel reply");
        assertThat(doc.selectFirst("#cancel-reply").attr("href")).isEqualTo(article.url() + "#respond");
        assertThat(doc.selectFirst("#comment-parent").attr("value")).isEqualTo(String.valueOf(id));

        long held = jdbc.sql("select max(id) from comment").query(Long.class).single() + 1000;
        for (String bad : List.of(String.valueOf(held), "abc", "0", "-3")) {
            assertThat(fetch(article.url() + "?replytocom=" + bad).getResponse().getStatus())
                    .as(bad)
                    .isEqualTo(404);
        }
    }

    @Test
    void closedArticleKeepsItsCommentsAndHasNoForm() throws Exception {
        ArticleView article = commenting.article("Closed by the desk");
        comments.post(article.id(), comment("Eve", "Said before closing"), visitor());
        workflow.setCommentsOpen(article.id(), false);
        MvcResult result = fetch(article.url());
        Document doc = body(result);
        assertThat(doc.selectFirst("#comments-heading").text()).isEqualTo("1 Comment");
        assertThat(doc.selectFirst(".comments-closed").text()).isEqualTo("Comments are closed.");
        assertThat(doc.select("form#comment-form")).isEmpty();
        assertThat(doc.select(".comment-reply")).isEmpty();
        assertThat(doc.text()).contains("Said before closing");
        assertThat(result.getResponse().getHeader("Cache-Control"))
                .as("the same for everyone again")
                .isEqualTo("public, max-age=60");
        String etag = result.getResponse().getHeader("ETag");
        assertThat(etag).isNotBlank();
        assertThat(mvc.perform(get(article.url()).header("If-None-Match", etag))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(304);

        ArticleView old = commenting.article("Closed by age", Duration.ofDays(45));
        assertThat(page(old.url()).selectFirst(".comments-closed").text()).isEqualTo("Comments are closed.");
        assertThat(page(old.url()).selectFirst("#comments-heading").text()).isEqualTo("No comments");
    }

    // ---- posting

    @Test
    void postedCommentRedirectsToItsAnchorAndAppears() throws Exception {
        ArticleView article = commenting.article("Post and see");
        MvcResult posted = mvc.perform(commenting.form(
                        article,
                        Commenting.uniqueIp(),
                        "name",
                        "Fay",
                        "email",
                        Commenting.uniqueEmail(),
                        "comment",
                        "Visible at once"))
                .andReturn();
        assertThat(posted.getResponse().getStatus()).isEqualTo(303);
        long id = jdbc.sql("select max(id) from comment where article_id = ?")
                .param(article.id())
                .query(Long.class)
                .single();
        assertThat(posted.getResponse().getHeader("Location")).isEqualTo(article.url() + "#comment-" + id);
        assertThat(posted.getResponse().getCookie(CommentCookies.AUTHOR))
                .as("not asked to remember")
                .isNull();
        Document doc = page(article.url());
        assertThat(doc.getElementById("comment-" + id)
                        .selectFirst(".comment-text")
                        .text())
                .isEqualTo("Visible at once");
    }

    @Test
    void newCommentOnALaterPageRedirectsToThatPage() throws Exception {
        policies.update(Commenting.withPaging(policies.current(), 3, 1));
        ArticleView article = commenting.article("Redirect to page");
        comments.post(article.id(), comment("G", "Page one"), visitor());
        MvcResult posted = mvc.perform(commenting.form(
                        article,
                        Commenting.uniqueIp(),
                        "name",
                        "H",
                        "email",
                        Commenting.uniqueEmail(),
                        "comment",
                        "Page two"))
                .andReturn();
        assertThat(posted.getResponse().getHeader("Location")).startsWith(article.url() + "?comment-page=2#comment-");
    }

    @Test
    void heldCommentIsVisibleOnlyToItsAuthorUntilApproved() throws Exception {
        policies.update(Commenting.policy(policies.current(), Moderation.FIRST, Duration.ZERO, Duration.ZERO, 0));
        ArticleView article = commenting.article("Held for moderation");
        MvcResult posted = mvc.perform(commenting.form(
                        article,
                        Commenting.uniqueIp(),
                        "name",
                        "Hal",
                        "email",
                        Commenting.uniqueEmail(),
                        "comment",
                        "Waiting my turn"))
                .andReturn();
        assertThat(posted.getResponse().getStatus()).isEqualTo(303);
        Cookie held = posted.getResponse().getCookie(CommentCookies.HELD);
        assertThat(held).isNotNull();
        assertThat(held.isHttpOnly()).isTrue();
        long id = jdbc.sql("select max(id) from comment where article_id = ?")
                .param(article.id())
                .query(Long.class)
                .single();

        MvcResult mine = fetch(article.url(), held);
        Element own = body(mine).getElementById("comment-" + id);
        assertThat(own.selectFirst(".comment-awaiting").text()).isEqualTo("Your comment is awaiting moderation.");
        assertThat(own.selectFirst(".comment-text").text()).isEqualTo("Waiting my turn");
        assertThat(own.select(".comment-reply"))
                .as("no replies to a held comment")
                .isEmpty();
        assertThat(mine.getResponse().getHeader("Cache-Control")).startsWith("private");

        Document others = page(article.url());
        assertThat(others.getElementById("comment-" + id)).isNull();
        assertThat(others.text()).doesNotContain("Waiting my turn");
        Cookie forged = new Cookie(CommentCookies.HELD, id + ".AAAA");
        assertThat(page(article.url(), forged).getElementById("comment-" + id)).isNull();

        comments.approve(id);
        Document approved = page(article.url());
        assertThat(approved.getElementById("comment-" + id).select(".comment-awaiting"))
                .isEmpty();
        assertThat(approved.selectFirst("#comments-heading").text()).isEqualTo("1 Comment");
    }

    @Test
    void fieldErrorsReshowTheFormWithTheTextKept() throws Exception {
        ArticleView article = commenting.article("Errors beside fields");
        MvcResult result = mvc.perform(commenting.form(
                        article,
                        Commenting.uniqueIp(),
                        "name",
                        "  ",
                        "email",
                        "not-an-email",
                        "website",
                        "javascript:alert(1)",
                        "comment",
                        "My careful\nthoughts"))
                .andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(422);
        Document doc = body(result);
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
        String email = Commenting.uniqueEmail();
        MvcResult posted = mvc.perform(commenting.form(
                        article,
                        Commenting.uniqueIp(),
                        "name",
                        "Ida",
                        "email",
                        email,
                        "website",
                        "https://ida.example",
                        "comment",
                        "Remember me",
                        "remember",
                        "yes"))
                .andReturn();
        Cookie author = posted.getResponse().getCookie(CommentCookies.AUTHOR);
        assertThat(author).isNotNull();
        assertThat(author.isHttpOnly()).isTrue();
        Document doc = page(article.url(), author);
        assertThat(doc.selectFirst("#author").attr("value")).isEqualTo("Ida");
        assertThat(doc.selectFirst("#email").attr("value")).isEqualTo(email);
        assertThat(doc.selectFirst("#url").attr("value")).isEqualTo("https://ida.example");
        assertThat(doc.selectFirst("#remember").hasAttr("checked")).isTrue();

        MvcResult unticked = mvc.perform(commenting
                        .form(article, Commenting.uniqueIp(), "name", "Ida", "email", email, "comment", "Forget me now")
                        .cookie(author))
                .andReturn();
        Cookie cleared = unticked.getResponse().getCookie(CommentCookies.AUTHOR);
        assertThat(cleared.getMaxAge()).isZero();
        assertThat(cleared.getValue()).isEmpty();
    }

    // ---- refusals

    @Test
    void formWithoutCsrfTokenIsRefusedAndNothingIsStored() throws Exception {
        ArticleView article = commenting.article("No CSRF");
        MvcResult result = mvc.perform(post("/comments")
                        .param("article", String.valueOf(article.id()))
                        .param("token", tokens.issue(article.id(), Instant.now().minusSeconds(10)))
                        .param("name", "Jan")
                        .param("email", Commenting.uniqueEmail())
                        .param("comment", "Forged"))
                .andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(403);
        MvcResult wrong = mvc.perform(commenting
                        .form(
                                article,
                                Commenting.uniqueIp(),
                                "name",
                                "Jan",
                                "email",
                                Commenting.uniqueEmail(),
                                "comment",
                                "Forged too")
                        .with(org.broadsheet.web.TestCsrf.wrongToken()))
                .andReturn();
        assertThat(wrong.getResponse().getStatus()).isEqualTo(403);
        assertThat(count(article)).isZero();
    }

    @Test
    void filledHoneypotIsRefused() throws Exception {
        ArticleView article = commenting.article("Honeypot");
        MvcResult result = mvc.perform(commenting.form(
                        article,
                        Commenting.uniqueIp(),
                        "name",
                        "Bot",
                        "email",
                        Commenting.uniqueEmail(),
                        "comment",
                        "Buy now",
                        "subject",
                        "Great offer"))
                .andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(result).selectFirst("h1").text()).isEqualTo("Comment not accepted");
        assertThat(count(article)).isZero();
    }

    @Test
    void formSentTooSoonIsShownAgainAndForgedTokensAreRefused() throws Exception {
        policies.update(
                Commenting.policy(policies.current(), Moderation.NONE, Duration.ofSeconds(3), Duration.ZERO, 0));
        ArticleView article = commenting.article("Too quick");
        ArticleView other = commenting.article("Token elsewhere");
        String email = Commenting.uniqueEmail();

        MvcResult quick = mvc.perform(commenting.form(
                        article,
                        Commenting.uniqueIp(),
                        "name",
                        "Kim",
                        "email",
                        email,
                        "comment",
                        "Typed very fast",
                        "token",
                        tokens.issue(article.id(), Instant.now())))
                .andReturn();
        assertThat(quick.getResponse().getStatus()).isEqualTo(422);
        assertThat(body(quick).selectFirst(".form-problem").text()).contains("quicker than we allow");
        assertThat(body(quick).selectFirst("textarea#comment").wholeText()).isEqualTo("Typed very fast");

        MvcResult stale = mvc.perform(commenting.form(
                        article,
                        Commenting.uniqueIp(),
                        "name",
                        "Kim",
                        "email",
                        email,
                        "comment",
                        "Left open",
                        "token",
                        tokens.issue(article.id(), Instant.now().minus(Duration.ofDays(2)))))
                .andReturn();
        assertThat(stale.getResponse().getStatus()).isEqualTo(422);
        assertThat(body(stale).selectFirst(".form-problem").text()).contains("open for too long");

        for (String token : List.of(
                "",
                "abc",
                "123.xyz",
                tokens.issue(other.id(), Instant.now().minusSeconds(10)),
                "9999999999."
                        + tokens.issue(article.id(), Instant.now().minusSeconds(10))
                                .split("\\.")[1])) {
            MvcResult forged = mvc.perform(commenting.form(
                            article,
                            Commenting.uniqueIp(),
                            "name",
                            "Kim",
                            "email",
                            email,
                            "comment",
                            "Forged " + token,
                            "token",
                            token))
                    .andReturn();
            assertThat(forged.getResponse().getStatus()).as(token).isEqualTo(400);
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
            MvcResult result = mvc.perform(commenting.form(
                            article,
                            Commenting.uniqueIp(),
                            "name",
                            "Lee",
                            "email",
                            Commenting.uniqueEmail(),
                            "comment",
                            "Fine text",
                            field[0],
                            field[1]))
                    .andReturn();
            assertThat(result.getResponse().getStatus()).as(field[0]).isEqualTo(400);
        }
        byte[] invalid = ("article=" + article.id() + "&name=Lee&email=lee%40example.org&comment=caf%C3%28")
                .getBytes(StandardCharsets.US_ASCII);
        MvcResult percent = mvc.perform(post("/comments")
                        .with(org.broadsheet.web.TestCsrf.csrf())
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content(invalid))
                .andReturn();
        assertThat(percent.getResponse().getStatus()).isEqualTo(400);
        assertThat(count(article)).isZero();
    }

    @Test
    void floodingIsAnswered429WithRetryAfterAndTheTextKept() throws Exception {
        policies.update(
                Commenting.policy(policies.current(), Moderation.NONE, Duration.ZERO, Duration.ofSeconds(15), 10));
        ArticleView article = commenting.article("Flood page");
        String ip = Commenting.uniqueIp();
        assertThat(mvc.perform(commenting.form(
                                article, ip, "name", "Mo", "email", Commenting.uniqueEmail(), "comment", "First"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(303);
        MvcResult flood = mvc.perform(commenting.form(
                        article, ip, "name", "Mo", "email", Commenting.uniqueEmail(), "comment", "Second, too soon"))
                .andReturn();
        assertThat(flood.getResponse().getStatus()).isEqualTo(429);
        assertThat(Integer.parseInt(flood.getResponse().getHeader("Retry-After")))
                .isBetween(1, 15);
        Document doc = body(flood);
        assertThat(doc.selectFirst(".form-problem").text()).contains("too quickly");
        assertThat(doc.selectFirst("textarea#comment").wholeText()).isEqualTo("Second, too soon");
        assertThat(count(article)).isEqualTo(1);
    }

    @Test
    void duplicateIsAnswered409WithALinkToTheFirst() throws Exception {
        ArticleView article = commenting.article("Duplicate page");
        String email = Commenting.uniqueEmail();
        mvc.perform(commenting.form(article, Commenting.uniqueIp(), "name", "Ned", "email", email, "comment", "Same"));
        MvcResult again = mvc.perform(commenting.form(
                        article, Commenting.uniqueIp(), "name", "Ned", "email", email, "comment", "Same"))
                .andReturn();
        assertThat(again.getResponse().getStatus()).isEqualTo(409);
        long id = jdbc.sql("select max(id) from comment where article_id = ?")
                .param(article.id())
                .query(Long.class)
                .single();
        Element problem = body(again).selectFirst(".form-problem");
        assertThat(problem.text()).contains("already posted");
        assertThat(problem.selectFirst("a").attr("href")).isEqualTo(article.url() + "#comment-" + id);
        assertThat(count(article)).isEqualTo(1);
    }

    @Test
    void commentOnAClosedOrMissingArticleIsRefused() throws Exception {
        ArticleView article = commenting.article("Closed for posting");
        workflow.setCommentsOpen(article.id(), false);
        MvcResult closed = mvc.perform(commenting.form(
                        article,
                        Commenting.uniqueIp(),
                        "name",
                        "Ola",
                        "email",
                        Commenting.uniqueEmail(),
                        "comment",
                        "Too late"))
                .andReturn();
        assertThat(closed.getResponse().getStatus()).isEqualTo(403);
        assertThat(body(closed).text()).contains("Comments are closed");
        assertThat(count(article)).isZero();

        MvcResult missing = mvc.perform(commenting.form(
                        article,
                        Commenting.uniqueIp(),
                        "name",
                        "Ola",
                        "email",
                        Commenting.uniqueEmail(),
                        "comment",
                        "Nowhere",
                        "article",
                        "987654321"))
                .andReturn();
        assertThat(missing.getResponse().getStatus()).isEqualTo(404);
        for (String bad : List.of("", "abc", "-1", "1e3")) {
            assertThat(mvc.perform(commenting.form(
                                    article,
                                    Commenting.uniqueIp(),
                                    "name",
                                    "Ola",
                                    "email",
                                    Commenting.uniqueEmail(),
                                    "comment",
                                    "Bad id",
                                    "article",
                                    bad))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .as(bad)
                    .isEqualTo(400);
        }
    }
}
