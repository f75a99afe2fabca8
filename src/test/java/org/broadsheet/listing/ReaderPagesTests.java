package org.broadsheet.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;
import org.broadsheet.BroadsheetTest;
import org.broadsheet.article.ArticleView;
import org.broadsheet.article.LeadImage;
import org.broadsheet.testkit.SiteTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.annotation.Transactional;

/**
 * The front page and the list pages on the demo edition, their pagination and their 404s. Other
 * tests may leave stories of their own on the site, so what is checked holds for any edition at
 * least as large as the demo; the front page's lead is a story made here, inside the test's own
 * transaction, which rolls back.
 */
@BroadsheetTest
@Transactional
class ReaderPagesTests extends SiteTest {

    @Test
    void frontPageHasALeadTopStoriesAndABlockPerSection() {
        ArticleView lead = stories.publish(
                stories.form("A lead for the front page")
                        .withImage(new LeadImage(
                                "/assets/images/demo/container-ship.svg", "A ship at sea", "", "", 1200, 675)),
                null);

        Document doc = site.page("/");
        assertThat(doc.select("h1")).hasSize(1);
        assertThat(doc.selectFirst(".lead-story .lead-story-headline a").attr("href"))
                .isEqualTo(lead.url());
        assertThat(doc.selectFirst(".lead-story img").attr("alt")).isEqualTo("A ship at sea");
        assertThat(doc.selectFirst(".lead-story .lead-story-standfirst").text())
                .isEqualTo("A standfirst for A lead for the front page.");
        assertThat(doc.select(".top-stories .teaser")).hasSize(6);
        assertThat(doc.select(".front-section .front-section-heading").eachText())
                .contains("Americas", "Asia", "Europe", "Africa", "Business");
        List<String> links = doc.select("main .lead-story-headline a, main .teaser-headline a")
                .eachAttr("href");
        assertThat(links).doesNotHaveDuplicates();
    }

    @Test
    void sectionPageListsOnlyThatSectionNewestFirst() {
        Document doc = site.page("/americas");
        assertThat(doc.selectFirst("h1").text()).isEqualTo("Americas");
        List<String> links = doc.select(".teaser-headline a").eachAttr("href");
        assertThat(links).isNotEmpty().allSatisfy(href -> assertThat(href).startsWith("/americas/"));
        List<String> dates = doc.select(".teaser-date time").eachAttr("datetime");
        assertThat(dates).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(doc.selectFirst("nav.site-nav a[aria-current=page]").text()).isEqualTo("Americas");
    }

    @Test
    void tagPageAndAuthorPageWithBio() {
        Document tag = site.page("/tag/diplomacy");
        assertThat(tag.selectFirst("h1").text()).isEqualTo("Diplomacy");
        assertThat(tag.select(".teaser")).isNotEmpty();

        Document author = site.page("/author/amara-okafor");
        assertThat(author.selectFirst("h1").text()).isEqualTo("Amara Okafor");
        assertThat(author.selectFirst(".intro").text()).isNotBlank();
        assertThat(author.select(".teaser")).isNotEmpty();
    }

    @Test
    void archivePaginatesWithNewerAndOlderLinks() {
        Document first = site.page("/page/1");
        assertThat(first.select(".teaser")).hasSize(20);
        assertThat(first.selectFirst(".pagination a[rel=next]").attr("href")).isEqualTo("/page/2");
        assertThat(first.select(".pagination a[rel=prev]")).isEmpty();

        Document second = site.page("/page/2");
        assertThat(second.select(".teaser")).isNotEmpty().hasSizeLessThanOrEqualTo(20);
        assertThat(second.selectFirst(".pagination a[rel=prev]").attr("href")).isEqualTo("/page/1");
        List<String> firstLinks = first.select(".teaser-headline a").eachAttr("href");
        assertThat(second.select(".teaser-headline a").eachAttr("href")).doesNotContainAnyElementsOf(firstLinks);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/page/0",
                "/page/-1",
                "/page/abc",
                "/page/99999999",
                "/page/1.5",
                "/page/999",
                "/americas/page/999",
                "/tag/diplomacy/page/0",
                "/author/amara-okafor/page/x",
                "/no-such-section",
                "/no-such-section/page/2",
                "/tag/no-such-tag",
                "/author/nobody",
                "/Americas",
                "/americas/2026/10/05/nope",
                "/americas/2026/13/45/nope",
                "/assets/nothing.css",
                "/some/deep/unknown/path/that/is/long"
            })
    void badPagesAnswer404WithTheSitesErrorPage(String url) throws Exception {
        MockHttpServletResponse response = site.get(url);
        assertThat(response.getStatus()).as(url).isEqualTo(404);
        Document doc = Jsoup.parse(response.getContentAsString());
        assertThat(doc.selectFirst("h1").text()).isEqualTo("Page not found");
        assertThat(doc.select("nav.site-nav a")).isNotEmpty();
        assertThat(doc.selectFirst("main a[href=/]")).isNotNull();
    }

    @Test
    void overlongSlugAnswers404() {
        assertThat(site.status("/americas/2026/10/05/" + "a".repeat(5000))).isEqualTo(404);
        assertThat(site.status("/" + "a".repeat(500))).isEqualTo(404);
        assertThat(site.status("/tag/" + "a".repeat(500))).isEqualTo(404);
    }

    @Test
    void firstPageHasNoPageOneUrl() {
        MockHttpServletResponse response = site.get("/americas/page/1");
        assertThat(response.getStatus()).isEqualTo(301);
        assertThat(response.getHeader("Location")).isEqualTo("/americas");
    }

    @Test
    void readerPagesAreCacheableAndAnswerConditionalRequests() throws Exception {
        MockHttpServletResponse first = site.get("/americas");
        assertThat(first.getHeader("Cache-Control")).startsWith("public, max-age=60, stale-while-revalidate=");
        String etag = first.getHeader("ETag");
        assertThat(etag).isNotBlank();
        MockHttpServletResponse again = site.perform(get("/americas").header("If-None-Match", etag));
        assertThat(again.getStatus()).isEqualTo(304);
        assertThat(again.getContentAsString()).isEmpty();

        assertThat(site.get("/page/0").getHeader("Cache-Control")).isEqualTo("no-cache");
    }

    @Test
    void pagesCarrySecurityHeaders() {
        MockHttpServletResponse response = site.get("/");
        String csp = response.getHeader("Content-Security-Policy");
        assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe-inline");
        assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.getHeader("Referrer-Policy")).isNotBlank();
    }
}
