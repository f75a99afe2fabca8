package org.broadsheet.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.broadsheet.BroadsheetTest;
import org.broadsheet.article.ArticleView;
import org.broadsheet.testkit.Comments;
import org.broadsheet.testkit.SiteTest;
import org.broadsheet.testkit.Unique;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.annotation.Transactional;

/**
 * Classic cross-site scripting payloads, typed into every field of the comment form, come
 * out as text: on the article page once approved, in the form shown again after an error,
 * and in the reply title. Each test rolls back.
 */
@BroadsheetTest
@Transactional
class CommentXssTests extends SiteTest {

    static List<String> payloads() {
        return List.of(
                "<script>alert(1)</script>",
                "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
                "<img src=x onerror=alert(1)>",
                "<svg onload=alert(1)>",
                "<svg><script>alert(1)</script></svg>",
                "<iframe src=\"javascript:alert(1)\"></iframe>",
                "<body onload=alert(1)>",
                "<a href=\"javascript:alert(1)\">click</a>",
                "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
                "\"><script>alert(1)</script>",
                "'><img src=x onerror=alert(1)>",
                "\" onmouseover=\"alert(1)",
                "' onfocus='alert(1)' autofocus='",
                "</textarea><script>alert(1)</script>",
                "</title><script>alert(1)</script>",
                "<math><mtext></mtext><mglyph><style><img src=x onerror=alert(1)></style></mglyph></math>",
                "<details open ontoggle=alert(1)>",
                "<object data=\"data:text/html,<script>alert(1)</script>\"></object>",
                "<embed src=\"javascript:alert(1)\">",
                "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
                "<base href=\"https://evil.example/\">",
                "<form action=\"https://evil.example\"><button>go</button></form>",
                "<style>body{display:none}</style>",
                "<link rel=stylesheet href=https://evil.example/x.css>",
                "&lt;script&gt;alert(1)&lt;/script&gt;",
                "<!--<script>alert(1)//-->",
                "<scr<script>ipt>alert(1)</scr</script>ipt>",
                "https://evil.example/\"><script>alert(1)</script>",
                "javascript:alert(document.cookie)",
                "<div style=\"background:url(javascript:alert(1))\">x</div>");
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("payloads")
    void payloadInNameAndTextIsShownAsTextOnThePage(String payload) throws Exception {
        ArticleView article = commenting.article(Unique.name("Inert"));
        MockHttpServletResponse posted = site.perform(
                commenting.form(article, "name=" + payload, "email=" + Comments.email(), "comment=" + payload));
        assertThat(posted.getStatus()).isEqualTo(303);
        long id = comments.post(
                        article.id(), Comments.comment("Second " + payload, "Again: " + payload), Comments.visitor())
                .id();

        Document doc = site.page(article.url() + "?replytocom=" + id);
        assertInert(doc);
        Element comment = doc.getElementById("comment-" + id).selectFirst(".comment-body");
        assertThat(comment.selectFirst(".comment-author").text()).isEqualTo(("Second " + payload).strip());
        assertThat(comment.selectFirst(".comment-text").wholeText().strip()).isEqualTo(("Again: " + payload).strip());
        Element first = doc.selectFirst(".comment-list > li .comment-body");
        assertThat(first.selectFirst(".comment-author").wholeText().strip()).isEqualTo(payload.strip());
        assertThat(first.selectFirst(".comment-text").wholeText().strip()).isEqualTo(payload.strip());
        assertThat(doc.selectFirst("#reply-title").text()).startsWith("Reply to Second " + payload.strip());
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("payloads")
    void payloadInEveryFieldIsInertInTheFormShownAgain(String payload) throws Exception {
        ArticleView article = commenting.article(Unique.name("Inert form"));
        MockHttpServletResponse result = site.perform(commenting.form(
                article, "name=" + payload, "email=" + payload, "website=" + payload, "comment=" + payload));
        assertThat(result.getStatus())
                .as("the email and website cannot be valid")
                .isEqualTo(422);
        Document doc = Jsoup.parse(result.getContentAsString(StandardCharsets.UTF_8));
        assertInert(doc);
        assertThat(doc.selectFirst("#author").attr("value")).isEqualTo(payload);
        assertThat(doc.selectFirst("#email").attr("value")).isEqualTo(payload);
        assertThat(doc.selectFirst("#url").attr("value")).isEqualTo(payload);
        assertThat(doc.selectFirst("textarea#comment").wholeText()).isEqualTo(payload);
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("payloads")
    void payloadAsAWebsiteIsRefusedOrHarmless(String payload) throws Exception {
        String website = CommentFields.website(payload);
        if (website != null) {
            assertThat(website).startsWith("https://").doesNotContain("<", ">", "\"", "'", " ");
        }
    }

    /** Nothing in the page that runs script, loads from elsewhere or changes the page's behaviour. */
    private static void assertInert(Document doc) {
        assertThat(doc.select("script")
                        .not("[src~=^/assets/comments\\.[0-9a-f]{10}\\.js$], [type=application/ld+json]"))
                .isEmpty();
        assertThat(doc.select("iframe, object, embed, svg, math, base, meta[http-equiv], style, details, body[onload]"))
                .isEmpty();
        assertThat(doc.select("link")
                        .not("[rel=stylesheet][href^=/assets/], [rel=icon], [rel=canonical], [rel=alternate][href^=/]"))
                .isEmpty();
        assertThat(doc.select("form").not(".site-search")).hasSize(1);
        assertThat(doc.select("img").not(".lead-image img")).isEmpty();
        for (Element element : doc.getAllElements()) {
            for (Attribute attribute : element.attributes()) {
                String name = attribute.getKey().toLowerCase(Locale.ROOT);
                String value = attribute.getValue().toLowerCase(Locale.ROOT).replaceAll("\\s", "");
                assertThat(name).as("event handler on <%s>", element.tagName()).doesNotStartWith("on");
                assertThat(name).isNotEqualTo("style");
                if (List.of("href", "src", "action", "data", "formaction").contains(name)) {
                    assertThat(value)
                            .as("%s of <%s>", name, element.tagName())
                            .doesNotStartWith("javascript:")
                            .doesNotStartWith("data:")
                            .doesNotStartWith("vbscript:");
                }
            }
        }
    }
}
