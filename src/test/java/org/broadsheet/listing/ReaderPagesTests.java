package org.broadsheet.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;
import org.broadsheet.BroadsheetTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The front page and the list pages on the demo edition, their pagination and their 404s. */
@BroadsheetTest
class ReaderPagesTests {

    @Autowired
    MockMvc mvc;

    private MvcResult fetch(String url) throws Exception {
        return mvc.perform(get(url)).andReturn();
    }

    private Document page(String url) throws Exception {
        MvcResult result = fetch(url);
        assertThat(result.getResponse().getStatus()).as(url).isEqualTo(200);
        return Jsoup.parse(result.getResponse().getContentAsString());
    }

    @Test
    void frontPageHasALeadTopStoriesAndABlockPerSection() throws Exception {
        Document doc = page("/");
        assertThat(doc.select("h1")).hasSize(1);
        assertThat(doc.selectFirst(".lead-story .lead-story-headline a")).isNotNull();
        assertThat(doc.selectFirst(".lead-story img").attr("alt")).isNotBlank();
        assertThat(doc.selectFirst(".lead-story .lead-story-standfirst")).isNotNull();
        assertThat(doc.select(".top-stories .teaser")).hasSize(6);
        assertThat(doc.select(".front-section .front-section-heading").eachText())
                .contains("Americas", "Asia", "Europe", "Africa", "Business");
        List<String> links = doc.select("main .lead-story-headline a, main .teaser-headline a")
                .eachAttr("href");
        assertThat(links).doesNotHaveDuplicates();
    }

    @Test
    void sectionPageListsOnlyThatSectionNewestFirst() throws Exception {
        Document doc = page("/americas");
        assertThat(doc.selectFirst("h1").text()).isEqualTo("Americas");
        List<String> links = doc.select(".teaser-headline a").eachAttr("href");
        assertThat(links).isNotEmpty().allSatisfy(href -> assertThat(href).startsWith("/americas/"));
        List<String> dates = doc.select(".teaser-date time").eachAttr("datetime");
        assertThat(dates).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(doc.selectFirst("nav.site-nav a[aria-current=page]").text()).isEqualTo("Americas");
    }

    @Test
    void tagPageAndAuthorPageWithBio() throws Exception {
        Document tag = page("/tag/diplomacy");
        assertThat(tag.selectFirst("h1").text()).isEqualTo("Diplomacy");
        assertThat(tag.select(".teaser")).isNotEmpty();

        Document author = page("/author/amara-okafor");
        assertThat(author.selectFirst("h1").text()).isEqualTo("Amara Okafor");
        assertThat(author.selectFirst(".intro").text()).isNotBlank();
        assertThat(author.select(".teaser")).isNotEmpty();
    }

    @Test
    void archivePaginatesWithNewerAndOlderLinks() throws Exception {
        Document first = page("/page/1");
        assertThat(first.select(".teaser")).hasSize(20);
        assertThat(first.selectFirst(".pagination a[rel=next]").attr("href")).isEqualTo("/page/2");
        assertThat(first.select(".pagination a[rel=prev]")).isEmpty();

        Document second = page("/page/2");
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
        MvcResult result = fetch(url);
        assertThat(result.getResponse().getStatus()).as(url).isEqualTo(404);
        Document doc = Jsoup.parse(result.getResponse().getContentAsString());
        assertThat(doc.selectFirst("h1").text()).isEqualTo("Page not found");
        assertThat(doc.select("nav.site-nav a")).isNotEmpty();
        assertThat(doc.selectFirst("main a[href=/]")).isNotNull();
    }

    @Test
    void overlongSlugAnswers404() throws Exception {
        assertThat(fetch("/americas/2026/10/05/" + "a".repeat(5000))
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(fetch("/" + "a".repeat(500)).getResponse().getStatus()).isEqualTo(404);
        assertThat(fetch("/tag/" + "a".repeat(500)).getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void firstPageHasNoPageOneUrl() throws Exception {
        MvcResult result = fetch("/americas/page/1");
        assertThat(result.getResponse().getStatus()).isEqualTo(301);
        assertThat(result.getResponse().getHeader("Location")).isEqualTo("/americas");
    }

    @Test
    void readerPagesAreCacheableAndAnswerConditionalRequests() throws Exception {
        MvcResult first = fetch("/americas");
        assertThat(first.getResponse().getHeader("Cache-Control")).isEqualTo("public, max-age=60");
        String etag = first.getResponse().getHeader("ETag");
        assertThat(etag).isNotBlank();
        MvcResult again =
                mvc.perform(get("/americas").header("If-None-Match", etag)).andReturn();
        assertThat(again.getResponse().getStatus()).isEqualTo(304);
        assertThat(again.getResponse().getContentAsString()).isEmpty();

        assertThat(fetch("/page/0").getResponse().getHeader("Cache-Control")).isEqualTo("no-cache");
    }

    @Test
    void pagesCarrySecurityHeaders() throws Exception {
        MvcResult result = fetch("/");
        String csp = result.getResponse().getHeader("Content-Security-Policy");
        assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe-inline");
        assertThat(result.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(result.getResponse().getHeader("Referrer-Policy")).isNotBlank();
    }
}
