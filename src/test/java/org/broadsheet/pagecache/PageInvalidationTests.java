package org.broadsheet.pagecache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadsheet.testkit.Comments.comment;
import static org.broadsheet.testkit.Comments.visitor;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.broadsheet.BroadsheetTest;
import org.broadsheet.article.ArticleForm;
import org.broadsheet.article.ArticleView;
import org.broadsheet.testkit.SiteTest;
import org.broadsheet.testkit.Stories;
import org.broadsheet.testkit.Unique;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A change drops exactly the pages it affects: each page is named, those that must go and
 * those that must stay.
 */
@BroadsheetTest
class PageInvalidationTests extends SiteTest {

    @Autowired
    PageCache cache;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void editingAStoryDropsItsPageItsListsThePagesShowingItFeedsAndSitemapsOnly() throws Exception {
        String otherSection = jdbc.sql("select slug from section where slug <> ? order by id limit 1")
                .param(Stories.SECTION)
                .query(String.class)
                .single();
        String otherTag = jdbc.sql("select slug from tag where slug <> ? order by id limit 1")
                .param(Stories.TAG)
                .query(String.class)
                .single();
        String otherAuthor = jdbc.sql("select slug from author where slug <> ? order by id limit 1")
                .param(Stories.AUTHOR)
                .query(String.class)
                .single();
        ArticleForm xForm = stories.form("The story that changes");
        ArticleView x = stories.publish(xForm);
        ArticleView y = stories.publish(
                elsewhere("A story elsewhere", "Nothing about the other one.\n", otherSection, otherTag, otherAuthor));
        ArticleView z = stories.publish(elsewhere(
                "A story that refers to it",
                "Background first.\n\n[[related: " + x.slug() + "]]\n",
                otherSection,
                otherTag,
                otherAuthor));
        cache.settle();
        assertThat(page(y.url())).doesNotContain(x.url());
        assertThat(page(z.url())).contains(x.url());

        List<String> dropped = List.of(
                x.url(),
                z.url(),
                "/" + Stories.SECTION,
                "/tag/" + Stories.TAG,
                "/author/" + Stories.AUTHOR,
                "/",
                "/page/2",
                "/feed",
                "/sitemap.xml",
                "/search?q=story");
        List<String> kept = List.of(y.url(), "/" + otherSection, "/tag/" + otherTag, "/author/" + otherAuthor);
        dropped.forEach(this::page);
        kept.forEach(this::page);
        assertThat(cache.paths()).containsAll(dropped).containsAll(kept);

        articles.update(
                x.id(),
                new ArticleForm(
                        xForm.slug(),
                        "The story that changed",
                        xForm.standfirst(),
                        xForm.body(),
                        xForm.section(),
                        xForm.authors(),
                        xForm.tags(),
                        null));

        assertThat(cache.paths()).doesNotContainAnyElementsOf(dropped).containsAll(kept);
        assertThat(page(x.url())).contains("The story that changed");
        assertThat(page(z.url())).contains("The story that changed");
        assertThat(page("/" + Stories.SECTION)).contains("The story that changed");
    }

    @Test
    void aNewCommentDropsThatArticlesPagesAndTheCommentFeedsOnly() throws Exception {
        ArticleView article = commenting.article("Comments change here");
        ArticleView other = commenting.article("Comments stay the same here");
        long first = comments.post(article.id(), comment("Ana", "The first word."), visitor())
                .id();
        cache.settle(); // the changes above are dropped once more a moment later: let that pass first
        List<String> dropped = List.of(
                article.url(), article.url() + "?replytocom=" + first, "/comments/feed", article.url() + "/feed");
        List<String> kept = List.of(other.url(), other.url() + "/feed", "/" + Stories.SECTION, "/feed");
        dropped.forEach(this::page);
        kept.forEach(this::page);
        assertThat(cache.paths()).containsAll(dropped).containsAll(kept);

        String text = "A second word, " + Unique.name("comment");
        comments.post(article.id(), comment("Ben", text), visitor());

        assertThat(cache.paths()).doesNotContainAnyElementsOf(dropped).containsAll(kept);
        assertThat(page(article.url())).contains(text);
    }

    private static ArticleForm elsewhere(String headline, String body, String section, String tag, String author) {
        return new ArticleForm(
                Unique.slug("elsewhere"),
                headline,
                "A standfirst.",
                body,
                section,
                List.of(author),
                List.of(tag),
                null);
    }

    private String page(String path) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            return response.body();
        } catch (Exception e) {
            throw new AssertionError("GET " + path, e);
        }
    }
}
