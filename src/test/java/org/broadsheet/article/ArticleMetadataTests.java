package org.broadsheet.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.broadsheet.BroadsheetTest;
import org.broadsheet.testkit.SiteTest;
import org.broadsheet.testkit.Stories;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an article page and the front page tell search engines and link previews: the
 * absolute canonical link, Open Graph and Twitter card tags, and schema.org JSON-LD, read
 * back from the page and checked field by field; and that a hostile headline stays text in
 * every one of them.
 */
@BroadsheetTest
@Transactional
class ArticleMetadataTests extends SiteTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ORIGIN = "http://localhost";
    private static final LeadImage CRANES =
            new LeadImage("/assets/images/demo/port-cranes.svg", "Cranes over the port", "Dusk", "Desk", 1200, 675);

    @Test
    void newsArticleCarriesEveryFieldWithAbsoluteUrls() {
        ArticleView article = stories.publish(stories.form("Harbour dues rise")
                .withStandfirst("The port authority raises fees for the first time in a decade.")
                .withImage(CRANES));
        workflow.addNote(article.id(), NoteKind.CORRECTION, "An earlier version gave the wrong year.", Instant.now());
        Document page = site.page(article.url());
        String url = ORIGIN + article.url();

        Map<String, Object> news = jsonLd(page, "NewsArticle");
        assertThat(news.get("@context")).isEqualTo("https://schema.org");
        assertThat(news.get("headline")).isEqualTo("Harbour dues rise");
        assertThat(news.get("description")).isEqualTo("The port authority raises fees for the first time in a decade.");
        assertThat(news.get("image")).isEqualTo(List.of(ORIGIN + "/assets/images/demo/port-cranes.svg"));
        assertThat(Instant.parse(news.get("datePublished").toString().replace("+00:00", "Z")))
                .isEqualTo(article.published().at().toInstant());
        assertThat(news.get("dateModified")).isNotNull();
        assertThat(news.get("author"))
                .isEqualTo(List.of(
                        Map.of("@type", "Person", "name", "Daniel Reyes", "url", ORIGIN + "/author/daniel-reyes")));
        Map<?, ?> publisher = (Map<?, ?>) news.get("publisher");
        assertThat(publisher.get("@type")).isEqualTo("NewsMediaOrganization");
        assertThat(publisher.get("url")).isEqualTo(ORIGIN + "/");
        assertThat(((Map<?, ?>) publisher.get("logo")).get("url")).isEqualTo(ORIGIN + ArticleMetadata.LOGO);
        assertThat(news.get("articleSection")).isEqualTo("Americas");
        assertThat(news.get("keywords")).isEqualTo(List.of("Diplomacy"));
        assertThat(news.get("mainEntityOfPage")).isEqualTo(Map.of("@type", "WebPage", "@id", url));
        List<?> corrections = (List<?>) news.get("correction");
        assertThat(corrections).hasSize(1);
        Map<?, ?> correction = (Map<?, ?>) corrections.get(0);
        assertThat(correction.get("@type")).isEqualTo("CorrectionComment");
        assertThat(correction.get("text")).isEqualTo("An earlier version gave the wrong year.");

        Map<String, Object> crumbs = jsonLd(page, "BreadcrumbList");
        List<?> items = (List<?>) crumbs.get("itemListElement");
        assertThat(items.stream().<Object>map(i -> ((Map<?, ?>) i).get("item")).toList())
                .containsExactly(ORIGIN + "/", ORIGIN + "/americas", url);
        assertThat(items.stream()
                        .<Object>map(i -> ((Map<?, ?>) i).get("position"))
                        .toList())
                .containsExactly(1, 2, 3);
    }

    @Test
    void openGraphAndTwitterTagsDescribeTheArticle() {
        ArticleView article =
                stories.publish(stories.form("Ferry timetable changes").withImage(CRANES));
        Document page = site.page(article.url());

        assertThat(page.selectFirst("link[rel=canonical]").attr("href")).isEqualTo(ORIGIN + article.url());
        assertThat(meta(page, "og:type")).isEqualTo("article");
        assertThat(meta(page, "og:title")).isEqualTo("Ferry timetable changes");
        assertThat(meta(page, "og:url")).isEqualTo(ORIGIN + article.url());
        assertThat(meta(page, "og:description")).isEqualTo(article.standfirst());
        assertThat(meta(page, "og:site_name"))
                .isEqualTo(page.selectFirst(".site-name").text());
        assertThat(meta(page, "og:image")).isEqualTo(ORIGIN + CRANES.path());
        assertThat(meta(page, "og:image:width")).isEqualTo("1200");
        assertThat(meta(page, "og:image:height")).isEqualTo("675");
        assertThat(meta(page, "og:image:alt")).isEqualTo("Cranes over the port");
        assertThat(Instant.parse(meta(page, "article:published_time")))
                .isEqualTo(article.published().at().toInstant());
        assertThat(meta(page, "article:modified_time")).isNotBlank();
        assertThat(meta(page, "article:section")).isEqualTo("Americas");
        assertThat(page.select("meta[property=article:tag]").eachAttr("content"))
                .containsExactly("Diplomacy");
        assertThat(page.selectFirst("meta[name=twitter:card]").attr("content")).isEqualTo("summary_large_image");

        ArticleView plain = stories.publish(stories.form("Ferry fares frozen"));
        Document noImage = site.page(plain.url());
        assertThat(noImage.selectFirst("meta[name=twitter:card]").attr("content"))
                .isEqualTo("summary");
        assertThat(noImage.select("meta[property=og:image]")).isEmpty();
        assertThat(jsonLd(noImage, "NewsArticle")).doesNotContainKey("image").doesNotContainKey("correction");
    }

    @Test
    void aHostileHeadlineStaysTextInEveryMetadataField() throws Exception {
        String headline = "Quotes \" ' & </script><!-- <b>bold</b> \u2028 end";
        ArticleView article = stories.publish(stories.form(headline).withStandfirst("Standfirst " + headline));
        String html = site.get(article.url()).getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        Document page = org.jsoup.Jsoup.parse(html);

        assertThat(page.title()).startsWith(headline);
        assertThat(meta(page, "og:title")).isEqualTo(headline);
        assertThat(meta(page, "og:description")).isEqualTo("Standfirst " + headline);
        assertThat(page.selectFirst("meta[name=description]").attr("content")).isEqualTo("Standfirst " + headline);
        assertThat(jsonLd(page, "NewsArticle").get("headline")).isEqualTo(headline);
        assertThat(jsonLd(page, "NewsArticle").get("description")).isEqualTo("Standfirst " + headline);
        assertThat(page.select("b")).as("no markup from the headline").isEmpty();
        for (Element script : page.select("script[type=application/ld+json]")) {
            assertThat(script.data()).doesNotContain("<", ">", "&", "\u2028");
        }
        assertThat(html).doesNotContain("</script><!--").doesNotContain("<b>bold");
    }

    @Test
    void frontPageDescribesTheSiteAndHowToSearchIt() {
        Document front = site.page("/");
        assertThat(front.selectFirst("link[rel=canonical]").attr("href")).isEqualTo(ORIGIN + "/");
        assertThat(meta(front, "og:type")).isEqualTo("website");
        assertThat(front.selectFirst("meta[name=twitter:card]").attr("content")).isEqualTo("summary");
        Map<String, Object> site = jsonLd(front, "WebSite");
        assertThat(site.get("url")).isEqualTo(ORIGIN + "/");
        Map<?, ?> action = (Map<?, ?>) site.get("potentialAction");
        assertThat(action.get("@type")).isEqualTo("SearchAction");
        assertThat(((Map<?, ?>) action.get("target")).get("urlTemplate"))
                .isEqualTo(ORIGIN + "/search?q={search_term_string}");
        assertThat(action.get("query-input")).isEqualTo("required name=search_term_string");
        assertThat(front.select("link[rel=alternate]").eachAttr("type"))
                .containsExactly("application/rss+xml", "application/atom+xml", "application/feed+json");
        assertThat(front.select("link[rel=alternate]").eachAttr("href"))
                .containsExactly("/feed", "/feed/atom", "/feed.json");
    }

    @Test
    void aConfiguredPublicAddressMakesTheAbsoluteUrls() {
        var settings = new org.broadsheet.web.SiteSettings(
                "Name",
                "Tagline",
                java.time.ZoneId.of("UTC"),
                20,
                java.time.Duration.ofMinutes(1),
                java.net.URI.create("https://news.example/"),
                "en");
        var urls = new org.broadsheet.web.SiteUrls(settings, new org.broadsheet.web.Assets());
        assertThat(urls.absolute("/americas")).isEqualTo("https://news.example/americas");
        assertThat(urls.absolute("https://elsewhere.example/x")).isEqualTo("https://elsewhere.example/x");
        assertThat(urls.origin()).isEqualTo("https://news.example");
        assertThat(Stories.SECTION).isEqualTo("americas");
    }

    private static String meta(Document page, String property) {
        Element meta = page.selectFirst("meta[property=" + property + "]");
        assertThat(meta).as(property).isNotNull();
        return meta.attr("content");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> jsonLd(Document page, String type) {
        for (Element script : page.select("script[type=application/ld+json]")) {
            Map<String, Object> data = JSON.readValue(script.data(), Map.class);
            if (type.equals(data.get("@type"))) {
                return data;
            }
        }
        throw new AssertionError("no JSON-LD of type " + type);
    }
}
