package org.broadsheet.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadsheet.search.SearchTests.word;

import java.io.UnsupportedEncodingException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.broadsheet.BroadsheetTest;
import org.broadsheet.article.ArticleView;
import org.broadsheet.testkit.LiveSite;
import org.broadsheet.testkit.SiteTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.transaction.annotation.Transactional;

/**
 * The search page as readers get it: the form, results with escaped, highlighted snippets, its
 * headers, and a friendly page for whatever is typed, hostile or not (never a 500).
 */
@BroadsheetTest
@Transactional
class SearchPageTests extends SiteTest {

    @Autowired
    LiveSite live;

    /** The answer to {@code GET /search} with these parameters, written name, value, name, value. */
    private MockHttpServletResponse get(String... parameters) {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.get("/search");
        for (int i = 0; i < parameters.length; i += 2) {
            request.param(parameters[i], parameters[i + 1]);
        }
        return site.perform(request);
    }

    private Document page(String... parameters) {
        MockHttpServletResponse response = get(parameters);
        assertThat(response.getStatus()).isEqualTo(200);
        try {
            return Jsoup.parse(response.getContentAsString());
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void resultsPageListsStoriesWithTheFormFilledIn() {
        String w = word("paginae");
        ArticleView story = stories.publish(stories.form("Dockers strike over " + w));

        Document doc = page("q", w, "section", "americas");
        assertThat(doc.selectFirst("h1").text()).isEqualTo("Search");
        assertThat(doc.selectFirst("title").text()).startsWith("Search: " + w);
        assertThat(doc.selectFirst("#search-q").val()).isEqualTo(w);
        assertThat(doc.selectFirst("label[for=search-q]").text()).isEqualTo("Search stories");
        assertThat(doc.selectFirst("#search-section option[selected]").val()).isEqualTo("americas");
        assertThat(doc.selectFirst(".search-summary").text()).isEqualTo("1 story matches “" + w + "”.");
        Element hit = doc.selectFirst(".search-results .search-result");
        assertThat(hit.selectFirst("h2 a").attr("href")).isEqualTo(story.url());
        assertThat(hit.selectFirst("h2 a").text()).isEqualTo("Dockers strike over " + w);
        assertThat(hit.selectFirst(".teaser-section a").text()).isEqualTo("Americas");
        assertThat(hit.selectFirst(".search-byline").text()).isEqualTo("By Daniel Reyes");
        assertThat(hit.selectFirst("time").attr("datetime"))
                .isEqualTo(story.published().iso());
        assertThat(hit.select(".search-snippet mark").eachText()).containsOnly(w);
    }

    @Test
    void searchPagesAreNoindexAndCacheableLikeOtherReaderPages() {
        MockHttpServletResponse response = get("q", "earthquake");
        assertThat(response.getHeader("Cache-Control")).startsWith("public, max-age=60, stale-while-revalidate=");
        assertThat(response.getHeader("X-Robots-Tag")).isEqualTo("noindex");
        Document doc = page("q", "earthquake");
        assertThat(doc.select("meta[name=robots]").attr("content")).isEqualTo("noindex");
        assertThat(doc.select("link[rel=canonical]")).isEmpty();
    }

    @Test
    void snippetEscapesTheStoryAndMarksOnlyTheWordsFound() {
        String w = word("escapa");
        stories.publish(stories.form("Harbour")
                .withStandfirst("Fish & chips.")
                .withBody("The code `<b>bold</b>` & the " + w + " <script>alert(1)</script> were seen.\n"));

        MockHttpServletResponse response = get("q", w);
        String html = content(response);
        Element snippet = Jsoup.parse(html).selectFirst(".search-snippet");
        assertThat(snippet.children())
                .allSatisfy(child -> assertThat(child.tagName()).isEqualTo("mark"));
        assertThat(snippet.select("mark").eachText()).containsExactly(w);
        String source = html.substring(html.indexOf("<p class=\"search-snippet\">") + 26);
        source = source.substring(0, source.indexOf("</p>"));
        assertThat(source)
                .contains("Fish &amp; chips.")
                .contains("&lt;b&gt;bold&lt;/b&gt; &amp; the <mark>" + w + "</mark>");
        assertThat(source.replace("<mark>", "").replace("</mark>", "")).doesNotContain("<");
    }

    @Test
    void headlinesAndTheQueryAreEscapedToo() {
        String w = word("scriptum");
        stories.publish(stories.form("<script>alert(1)</script> " + w));

        Document found = Jsoup.parse(content(get("q", w)));
        assertThat(found.selectFirst(".search-results h2").text()).isEqualTo("<script>alert(1)</script> " + w);
        String html = content(get("q", "<script>alert(2)</script> " + w));
        Document typed = Jsoup.parse(html);
        assertThat(typed.select("script")).isEmpty();
        assertThat(typed.selectFirst("#search-q").val()).isEqualTo("<script>alert(2)</script> " + w);
        assertThat(typed.selectFirst(".search-summary").text()).contains("“<script>alert(2)</script> " + w + "”");
        assertThat(html).doesNotContain("<script>alert");
    }

    @Test
    void emptySearchShowsTheFormAndHowToSearch() {
        for (Document doc : new Document[] {page(), page("q", ""), page("q", "   ")}) {
            assertThat(doc.selectFirst("#search-q").val()).isEmpty();
            assertThat(doc.selectFirst(".search-hint").text()).startsWith("Type a word or two");
            assertThat(doc.select(".search-summary, .search-results")).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"the of and", "!!! ??? ...", "-", "\"", "&&&", "'", "(", "\\", "*:"})
    void textWithNothingToSearchForGetsAHint(String text) {
        Document doc = page("q", text);
        assertThat(doc.selectFirst(".search-hint").text()).contains("only words too common to search for");
        assertThat(doc.selectFirst("#search-q").val()).isEqualTo(text);
    }

    @Test
    void onlyExcludedWordsGetAHint() {
        Document doc = page("q", "-earthquake -peru");
        assertThat(doc.selectFirst(".search-hint").text()).startsWith("A search needs a word to look for");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\"central bank",
                "earthquake\"",
                "' or 1=1; drop table article; --",
                "'); select pg_sleep(10); --",
                "peru & | ! <-> <2> :* :A",
                "earthquake -",
                "or or or",
                "-\"\"",
                "\u0000\u0001\u0002\u001b earthquake \u0007",
                "😀 🇵🇪 ﷽"
            })
    void oddOrHostileTextGetsAPageNeverAnError(String text) {
        MockHttpServletResponse response = get("q", text);
        assertThat(response.getStatus()).as(text).isEqualTo(200);
        Document doc = Jsoup.parse(content(response));
        assertThat(doc.select(".search-summary, .search-hint")).as(text).isNotEmpty();
    }

    @Test
    void aLongSearchIsCutAndThePageSaysSo() {
        String w = word("longa");
        ArticleView story = stories.publish(stories.form("Harbour " + w));

        Document doc = page("q", w + " " + "x".repeat(2_000));
        assertThat(doc.selectFirst(".search-notes").text())
                .contains("cut to its first " + SearchText.MAX_LENGTH + " characters");
        assertThat(doc.selectFirst("#search-q").val()).hasSize(SearchText.MAX_LENGTH);
        assertThat(doc.selectFirst("#search-q").attr("maxlength")).isEqualTo(String.valueOf(SearchText.MAX_LENGTH));
        assertThat(page("q", w + " " + "earth ".repeat(400)).select(".search-notes"))
                .isNotEmpty();
        assertThat(story.url()).isNotEmpty();
    }

    @Test
    void datesThatAreNotDatesAreLeftOutWithANote() {
        Document doc = page("q", "earthquake", "from", "yesterday", "to", "2026-02-30");
        assertThat(doc.select(".search-notes li").eachText())
                .containsExactly(
                        "The “From” date was left out: “yesterday” is not a date written as year-month-day, such as 2026-03-09.",
                        "The “To” date was left out: “2026-02-30” is not a date written as year-month-day, such as 2026-03-09.");
        assertThat(doc.selectFirst("#search-from").val()).isEmpty();
        assertThat(doc.select(".search-results li")).isNotEmpty();

        Document reversed = page("q", "earthquake", "from", "2026-05-01", "to", "2026-04-01");
        assertThat(reversed.selectFirst(".search-notes").text())
                .contains("“From” (2026-05-01) is after “To” (2026-04-01)");
        Document unknown = page("q", "earthquake", "section", "<nowhere>");
        assertThat(unknown.selectFirst(".search-notes").text()).contains("there is no section “<nowhere>”");
    }

    @Test
    void pagesComeWithLinksAndPastTheLastIsNotFound() {
        String w = word("paginas");
        for (int i = 0; i < 12; i++) {
            stories.publish(stories.form("Story " + i + " " + w));
        }
        Document first = page("q", w, "from", "2000-01-01");
        assertThat(first.select(".search-results > li")).hasSize(10);
        String next = first.selectFirst(".pagination a[rel=next]").attr("href");
        assertThat(next).isEqualTo("/search?q=" + w + "&from=2000-01-01&page=2");
        assertThat(first.selectFirst(".pagination").text()).contains("Page 1 of 2");

        Document second = page("q", w, "from", "2000-01-01", "page", "2");
        assertThat(second.select(".search-results > li")).hasSize(2);
        assertThat(second.selectFirst(".search-results").attr("start")).isEqualTo("11");
        assertThat(second.selectFirst(".pagination a[rel=prev]").attr("href"))
                .isEqualTo("/search?q=" + w + "&from=2000-01-01");

        assertThat(get("q", w, "page", "3").getStatus()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "abc", "1.5", "99999999999999999999", "100001", "%00"})
    void pageNumbersThatAreNotPagesAreNotFound(String page) {
        assertThat(get("q", "earthquake", "page", page).getStatus()).isEqualTo(404);
    }

    @Test
    void absurdPageOfAnEmptySearchIsNotFoundEither() {
        assertThat(get("q", "zzzzqqqqxxxx", "page", "99999").getStatus()).isEqualTo(404);
        assertThat(get("q", "the", "page", "2").getStatus()).isEqualTo(404);
    }

    @Test
    void noResultsSaysSoWithAHint() {
        Document doc = page("q", word("nihil"), "section", "asia");
        assertThat(doc.selectFirst(".search-summary").text()).startsWith("No stories match");
        assertThat(doc.selectFirst(".search-hint").text()).contains("search without the filters");
    }

    @Test
    void invalidUtf8IsABadRequest() {
        for (String query : new String[] {"q=%FF%FE", "q=caf%E9", "q=%C3%28", "q=%ED%A0%80", "q=ok&section=%FF"}) {
            HttpResponse<byte[]> response = live.get("/search?" + query);
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(Jsoup.parse(new String(response.body(), StandardCharsets.UTF_8))
                            .selectFirst("h1")
                            .text())
                    .as(query)
                    .isIn("Bad request", "Search not understood");
        }
        assertThat(live.get("/search?q=caf%C3%A9").statusCode()).isEqualTo(200);
        assertThat(live.get("/search?q=%EF%BF%BD").statusCode()).isEqualTo(400);
    }

    private static String content(MockHttpServletResponse response) {
        try {
            return response.getContentAsString();
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
