package org.broadsheet.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.zip.GZIPInputStream;
import org.broadsheet.BroadsheetTest;
import org.broadsheet.article.ArticleEvents;
import org.broadsheet.article.ArticleView;
import org.broadsheet.site.SiteIdentities;
import org.broadsheet.taxonomy.Section;
import org.broadsheet.taxonomy.SectionService;
import org.broadsheet.taxonomy.Tag;
import org.broadsheet.taxonomy.TagService;
import org.broadsheet.taxonomy.TermForm;
import org.broadsheet.testkit.SiteTest;
import org.broadsheet.testkit.Unique;
import org.broadsheet.web.SiteIdentity;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.annotation.Transactional;

/**
 * How feeds are served: their types, conditional requests (304), gzip, 404 for what does not
 * exist and 301 for what moved, and that they come from memory until a change is announced.
 * Each test rolls back.
 */
@BroadsheetTest
@Transactional
class FeedProtocolTests extends SiteTest {

    @Autowired
    SectionService sections;

    @Autowired
    TagService tags;

    @Autowired
    SiteIdentities identities;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    JdbcClient jdbc;

    ArticleView newest(String headline) {
        return stories.publish(stories.form(headline), Instant.now().minusSeconds(1));
    }

    @Test
    void feedsAreServedWithTheirOwnTypes() {
        assertThat(site.get("/feed").getHeader(HttpHeaders.CONTENT_TYPE))
                .isEqualTo("application/rss+xml; charset=UTF-8");
        assertThat(site.get("/feed/atom").getHeader(HttpHeaders.CONTENT_TYPE))
                .isEqualTo("application/atom+xml; charset=UTF-8");
        assertThat(site.get("/feed.json").getHeader(HttpHeaders.CONTENT_TYPE)).isEqualTo("application/feed+json");
        assertThat(site.get("/comments/feed").getHeader(HttpHeaders.CONTENT_TYPE))
                .isEqualTo("application/rss+xml; charset=UTF-8");
        assertThat(site.get("/americas/feed/atom").getHeader(HttpHeaders.CONTENT_TYPE))
                .isEqualTo("application/atom+xml; charset=UTF-8");
        assertThat(site.get("/feed").getHeader(HttpHeaders.CACHE_CONTROL))
                .startsWith("public, max-age=60, stale-while-revalidate=");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/feed", "/feed/atom", "/feed.json", "/tag/diplomacy/feed", "/comments/feed/atom"})
    void conditionalRequestsAnswer304UntilTheFeedChanges(String url) {
        MockHttpServletResponse first = site.get(url);
        String etag = first.getHeader(HttpHeaders.ETAG);
        String lastModified = first.getHeader(HttpHeaders.LAST_MODIFIED);
        assertThat(etag).startsWith("\"").endsWith("\"");
        assertThat(lastModified).isNotBlank();

        assertThat(site.perform(get(url).header(HttpHeaders.IF_NONE_MATCH, etag))
                        .getStatus())
                .isEqualTo(304);
        MockHttpServletResponse unmodified = site.perform(get(url).header(HttpHeaders.IF_MODIFIED_SINCE, lastModified));
        assertThat(unmodified.getStatus()).isEqualTo(304);
        assertThat(unmodified.getContentAsByteArray()).isEmpty();
        assertThat(site.perform(get(url).header(HttpHeaders.IF_NONE_MATCH, "\"something-else\""))
                        .getStatus())
                .isEqualTo(200);

        ArticleView story = newest("Tide tables revised");
        comments.post(
                story.id(),
                org.broadsheet.testkit.Comments.comment("Olu", "Useful."),
                org.broadsheet.testkit.Comments.visitor());
        MockHttpServletResponse changed = site.perform(get(url).header(HttpHeaders.IF_NONE_MATCH, etag));
        assertThat(changed.getStatus()).as(url).isEqualTo(200);
        assertThat(changed.getHeader(HttpHeaders.ETAG)).isNotEqualTo(etag);
        assertThat(site.perform(get(url).header(HttpHeaders.IF_MODIFIED_SINCE, lastModified))
                        .getStatus())
                .as(url)
                .isEqualTo(200);
    }

    @Test
    void gzipClientsGetTheSameFeedCompressedUnderItsOwnTag() throws Exception {
        MockHttpServletResponse plain = site.get("/feed");
        MockHttpServletResponse gzipped =
                site.perform(get("/feed").header(HttpHeaders.ACCEPT_ENCODING, "gzip, deflate, br;q=0.5"));
        assertThat(gzipped.getHeader(HttpHeaders.CONTENT_ENCODING)).isEqualTo("gzip");
        assertThat(gzipped.getHeader(HttpHeaders.VARY)).contains(HttpHeaders.ACCEPT_ENCODING);
        assertThat(gunzip(gzipped.getContentAsByteArray())).isEqualTo(plain.getContentAsByteArray());
        assertThat(gzipped.getHeader(HttpHeaders.ETAG)).isNotEqualTo(plain.getHeader(HttpHeaders.ETAG));
        assertThat(site.perform(get("/feed").header(HttpHeaders.ACCEPT_ENCODING, "gzip;q=0"))
                        .getHeader(HttpHeaders.CONTENT_ENCODING))
                .isNull();
        MockHttpServletResponse headers = site.perform(head("/feed"));
        assertThat(headers.getStatus()).isEqualTo(200);
        assertThat(headers.getHeader(HttpHeaders.ETAG)).isEqualTo(plain.getHeader(HttpHeaders.ETAG));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/no-such-section/feed",
                "/no-such-section/feed/atom",
                "/tag/no-such-tag/feed",
                "/tag/no-such-tag/feed/atom",
                "/author/nobody-at-all/feed",
                "/author/nobody-at-all/feed/atom",
                "/americas/feed.json",
                "/tag/diplomacy/feed.json",
                "/americas/2026/10/05/no-such-story/feed",
                "/americas/2026/10/05/no-such-story/feed/atom",
                "/Americas/feed",
                "/feed/rss",
                "/page/feed",
                "/tag/feed"
            })
    void feedsOfWhatDoesNotExistAnswer404WithTheSitesErrorPage(String url) throws Exception {
        MockHttpServletResponse response = site.get(url);
        assertThat(response.getStatus()).as(url).isEqualTo(404);
        Document page = Jsoup.parse(response.getContentAsString());
        assertThat(page.selectFirst("h1").text()).isEqualTo("Page not found");
    }

    @Test
    void feedsOfARenamedSectionOrTagAnswer301WithTheirNewAddress() {
        Section desk = sections.create(TermForm.section(Unique.slug("harbours"), Unique.name("Harbours"), ""));
        Tag tag = tags.create(TermForm.tag(Unique.slug("tides"), Unique.name("Tides"), "topic"));
        String deskSlug = Unique.slug("ports");
        String tagSlug = Unique.slug("currents");
        sections.update(desk.id(), TermForm.section(deskSlug, desk.name(), ""));
        tags.update(tag.id(), TermForm.tag(tagSlug, tag.name(), "topic"));

        assertMoved("/" + desk.slug() + "/feed", "/" + deskSlug + "/feed");
        assertMoved("/" + desk.slug() + "/feed/atom", "/" + deskSlug + "/feed/atom");
        assertMoved("/tag/" + tag.slug() + "/feed", "/tag/" + tagSlug + "/feed");
        assertMoved("/tag/" + tag.slug() + "/feed/atom", "/tag/" + tagSlug + "/feed/atom");
        assertThat(site.status("/" + deskSlug + "/feed")).isEqualTo(200);
    }

    @Test
    void anArticlesCommentFeedUnderAnOldAddressAnswers301() {
        ArticleView story = newest("Lighthouse keeper retires");
        articles.update(story.id(), stories.form("Lighthouse keeper retires").withSlug(Unique.slug("keeper")));
        String now = stories.view(story.id()).url();

        assertMoved(story.url() + "/feed", now + "/feed");
        assertMoved(story.url() + "/feed/atom", now + "/feed/atom");
        assertThat(site.status(now + "/feed")).isEqualTo(200);
    }

    private void assertMoved(String from, String to) {
        MockHttpServletResponse response = site.get(from);
        assertThat(response.getStatus()).as(from).isEqualTo(301);
        assertThat(response.getHeader(HttpHeaders.LOCATION)).as(from).isEqualTo(to);
    }

    @Test
    void aFeedIsServedFromMemoryUntilAChangeIsAnnounced() {
        ArticleView story = newest("Buoys replaced in the channel");
        assertThat(FeedTests.titles(site.get("/feed").getContentAsByteArray()))
                .first()
                .isEqualTo(story.headline());

        // Changed behind the site's back: nothing announced, so the kept feed stands.
        jdbc.sql("update article set headline = 'Buoys moved' where id = ?")
                .param(story.id())
                .update();
        assertThat(FeedTests.titles(site.get("/feed").getContentAsByteArray()))
                .first()
                .isEqualTo(story.headline());

        // What another node's change looks like here: the event, relayed by the cluster bus.
        events.publishEvent(new ArticleEvents.ArticleChanged(story.id()));
        assertThat(FeedTests.titles(site.get("/feed").getContentAsByteArray()))
                .first()
                .isEqualTo("Buoys moved");
    }

    @Test
    void aNewSiteNameRetitlesTheFeedsAtOnce() {
        assertThat(FeedReaders.rome(site.get("/feed").getContentAsByteArray()).getTitle())
                .isEqualTo("Broadsheet");
        identities.update(new SiteIdentity("The Evening Wire", "All the news at dusk"));

        assertThat(FeedReaders.rome(site.get("/feed").getContentAsByteArray()).getTitle())
                .isEqualTo("The Evening Wire");
        assertThat(FeedReaders.rome(site.get("/americas/feed/atom").getContentAsByteArray())
                        .getTitle())
                .isEqualTo("Americas – The Evening Wire");
        assertThat(FeedReaders.json(site.get("/feed.json").getContentAsByteArray())
                        .get("description")
                        .asString())
                .isEqualTo("All the news at dusk");
    }

    @Test
    void listAndArticlePagesOfferTheirFeedsForDiscovery() {
        ArticleView story = newest("Harbour master speaks");
        assertThat(alternates("/")).containsExactly("/feed", "/feed/atom", "/feed.json");
        assertThat(alternates("/americas"))
                .containsExactly("/americas/feed", "/americas/feed/atom", "/feed", "/feed/atom", "/feed.json");
        assertThat(alternates("/tag/diplomacy")).startsWith("/tag/diplomacy/feed", "/tag/diplomacy/feed/atom");
        assertThat(alternates("/author/daniel-reyes"))
                .startsWith("/author/daniel-reyes/feed", "/author/daniel-reyes/feed/atom");
        assertThat(alternates(story.url())).startsWith(story.url() + "/feed", story.url() + "/feed/atom");
        Document page = site.page(story.url());
        assertThat(page.selectFirst("link[rel=alternate][href=" + story.url() + "/feed]")
                        .attr("title"))
                .isEqualTo("Comments on Harbour master speaks – Broadsheet (RSS)");
        assertThat(site.page("/americas")
                        .selectFirst("link[rel=alternate][href=/americas/feed/atom]")
                        .attr("title"))
                .isEqualTo("Americas – Broadsheet (Atom)");
        assertThat(page.selectFirst("link[rel=alternate][href=" + story.url() + "/feed/atom]")
                        .attr("type"))
                .isEqualTo("application/atom+xml");
        for (String feed : alternates(story.url())) {
            assertThat(site.status(feed)).as(feed).isEqualTo(200);
        }
    }

    private java.util.List<String> alternates(String url) {
        return site.page(url).select("head link[rel=alternate]").eachAttr("href");
    }

    private static byte[] gunzip(byte[] bytes) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
