package org.broadsheet.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.broadsheet.BroadsheetTest;
import org.broadsheet.taxonomy.TagService;
import org.broadsheet.taxonomy.TermForm;
import org.broadsheet.testkit.SiteTest;
import org.broadsheet.testkit.Stories;
import org.broadsheet.testkit.Unique;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.annotation.Transactional;

/** The article page as a reader's browser receives it. Each test rolls back what it writes. */
@BroadsheetTest
@Transactional
class ArticlePageTests extends SiteTest {

    @org.springframework.beans.factory.annotation.Autowired
    TagService tags;

    private ArticleForm fullArticle(String targetSlug) {
        return stories.form("Foreign minister visits Central Asia")
                .withSlug(Unique.slug("foreign-minister-visits-central-asia"))
                .withStandfirst("A five-day tour takes in three capitals.")
                .withBody("""
                        The minister landed in Astana on Monday.

                        ## Race for influence

                        > "We are here to listen," she said.

                        - Astana
                        - Tashkent

                        [[related: %s]]

                        Officials spoke of new rail links.

                        [[read-more: %s]]
                        """.formatted(targetSlug, targetSlug))
                .withSection("asia")
                .withAuthors(List.of("mei-lin-zhou", "tomas-novak"))
                .withTags(List.of("diplomacy", "central-asia"))
                .withImage(new LeadImage(
                        "/assets/images/demo/steppe-rail.svg",
                        "A train crossing the steppe",
                        "Freight trains cross the steppe.",
                        "Illustration: Broadsheet",
                        1200,
                        675));
    }

    private ArticleView publishFull() {
        ArticleForm target = stories.form("Rail corridor opens");
        stories.publish(target, null);
        ArticleForm form = fullArticle(target.slug());
        Instant published = Instant.now().minus(Duration.ofHours(5));
        long id = articles.importPublished(form, published, published.plus(Duration.ofHours(2)))
                .id();
        workflow.addNote(id, NoteKind.CORRECTION, "An earlier version misnamed the airport.", null);
        return reader.findBySlug(form.slug()).orElseThrow();
    }

    @Test
    void articlePageHasEveryPartInOrder() throws Exception {
        ArticleView article = publishFull();
        Document doc = site.page(article.url());

        List<String> parts = List.of(
                "a.skip-link",
                "header.masthead",
                "nav.site-nav",
                ".section-label a",
                "h1",
                ".standfirst",
                ".byline",
                ".dates time",
                "figure.lead-image img",
                "figure.lead-image figcaption",
                ".article-body h2",
                ".article-body blockquote",
                ".article-body ul",
                ".article-body .story-card",
                ".article-body .read-more",
                ".notes .note-correction",
                ".article-footer .tags a",
                ".more-from h2",
                ".more-from .more-link a");
        int previous = -1;
        List<Element> all = doc.getAllElements();
        for (String selector : parts) {
            Element element = doc.selectFirst(selector);
            assertThat(element).as(selector).isNotNull();
            int position = all.indexOf(element);
            assertThat(position).as(selector + " comes after the previous part").isGreaterThan(previous);
            previous = position;
        }
        assertThat(doc.select("h1")).hasSize(1);
        assertThat(doc.selectFirst("h1").text()).isEqualTo("Foreign minister visits Central Asia");
        assertThat(doc.selectFirst(".section-label a").attr("href")).isEqualTo("/asia");
        assertThat(doc.selectFirst(".byline").text()).isEqualTo("By Mei-Lin Zhou and Tomáš Novák");
        assertThat(doc.selectFirst(".dates .updated time")).isNotNull();
        assertThat(doc.selectFirst(".dates .published time").attr("datetime"))
                .isEqualTo(article.published().iso());
        assertThat(doc.selectFirst("figcaption").text()).contains("Freight trains cross the steppe.", "Illustration");
        assertThat(doc.selectFirst(".read-more").text())
                .startsWith("READ MORE:")
                .endsWith("Rail corridor opens");
        assertThat(doc.selectFirst(".story-card a").text()).isEqualTo("Rail corridor opens");
        assertThat(doc.selectFirst(".more-link a").text()).isEqualTo("More posts in Asia »");
        assertThat(doc.selectFirst(".more-from h2").text()).isEqualTo("More from Asia");
        assertThat(doc.selectFirst("link[rel=canonical]").attr("href"))
                .as("absolute, on the request's own host when broadsheet.site.url is not set")
                .isEqualTo("http://localhost" + article.url());
    }

    @Test
    void skipLinkIsTheFirstFocusableElementAndTargetsTheMainContent() throws Exception {
        Document doc = site.page(publishFull().url());
        Element first = doc.body()
                .select("a[href], button, input, select, textarea, [tabindex]:not([tabindex=-1])")
                .first();
        assertThat(first).isNotNull();
        assertThat(first.hasClass("skip-link")).isTrue();
        assertThat(first.text()).isEqualTo("Skip to content");
        String target = first.attr("href").substring(1);
        Element main = doc.getElementById(target);
        assertThat(main).isNotNull();
        assertThat(main.tagName()).isEqualTo("main");
        assertThat(main.select("article h1")).hasSize(1);
    }

    @Test
    void updatedDateIsHiddenForSmallChanges() throws Exception {
        ArticleForm form = stories.form("Barely touched");
        Instant published = Instant.now().minus(Duration.ofHours(3));
        articles.importPublished(form, published, published.plus(Duration.ofMinutes(10)));
        Document doc = site.page(reader.findBySlug(form.slug()).orElseThrow().url());
        assertThat(doc.select(".dates .updated")).isEmpty();
        assertThat(doc.select(".notes")).isEmpty();
    }

    @Test
    void moreFromSectionExcludesTheCurrentArticleAndDrafts() throws Exception {
        ArticleForm draft = stories.form("A draft in Asia")
                .withSlug(Unique.slug("draft-in-asia"))
                .withSection("asia")
                .withBody("x");
        stories.draft(draft);
        ArticleView article = publishFull();
        Document doc = site.page(article.url());
        List<String> links = doc.select(".more-from .teaser-headline a").eachAttr("href");
        assertThat(links)
                .hasSize(5)
                .doesNotContain(article.url())
                .allSatisfy(href -> assertThat(href).startsWith("/asia/").doesNotContain(draft.slug()));
    }

    @Test
    void everyTextFieldIsEscaped() throws Exception {
        String evil = "<script>alert(1)</script>";
        ArticleForm form = stories.form("Headline " + evil)
                .withSlug(Unique.slug("escaping"))
                .withStandfirst("Standfirst " + evil)
                .withBody("Body " + evil + "\n")
                .withSection("asia")
                .withImage(new LeadImage(
                        "/assets/x.svg\" onerror=\"alert(1)",
                        "Alt " + evil,
                        "Caption " + evil,
                        "Credit " + evil,
                        10,
                        10));
        long id = articles.create(form).id();
        workflow.publish(id, null);
        workflow.addNote(id, NoteKind.UPDATE, "Note " + evil, null);
        MockHttpServletResponse response =
                site.get(reader.findBySlug(form.slug()).orElseThrow().url());
        assertThat(response.getStatus()).isEqualTo(200);
        String html = response.getContentAsString();
        Document doc = Jsoup.parse(html);

        assertThat(html).doesNotContain("<script>");
        assertThat(doc.select("script[type=application/ld+json]").eachAttr("type"))
                .as("JSON-LD data blocks, whose text holds no markup")
                .hasSize(2);
        assertThat(doc.select("script[type=application/ld+json]").stream().map(Element::data))
                .noneMatch(json -> json.contains("<"));
        assertThat(doc.select("script").not("[src^=/assets/], [type=application/ld+json]"))
                .as("only the site's own scripts")
                .isEmpty();
        assertThat(doc.selectFirst("h1").text()).isEqualTo("Headline " + evil);
        assertThat(doc.selectFirst(".standfirst").text()).isEqualTo("Standfirst " + evil);
        assertThat(doc.selectFirst("figcaption .caption").text()).isEqualTo("Caption " + evil);
        assertThat(doc.selectFirst("figcaption .credit").text()).isEqualTo("Credit " + evil);
        assertThat(doc.selectFirst("figure img").attr("alt")).isEqualTo("Alt " + evil);
        assertThat(doc.selectFirst("figure img").hasAttr("onerror")).isFalse();
        assertThat(doc.selectFirst(".notes .note p:last-child").text()).isEqualTo("Note " + evil);
        assertThat(doc.title()).startsWith("Headline " + evil);
    }

    @Test
    void oldPermalinksAnswer301ToTheNewOne() throws Exception {
        ArticleForm form = stories.form("Ceasefire talks");
        long id = stories.publish(form, null).id();
        String oldUrl = reader.findBySlug(form.slug()).orElseThrow().url();

        String newSlug = Unique.slug("ceasefire-talks-collapse");
        articles.update(id, form.withSlug(newSlug).withSection("europe"));
        String newUrl = reader.findBySlug(newSlug).orElseThrow().url();
        assertThat(newUrl).startsWith("/europe/").endsWith(newSlug);

        for (String url : List.of(
                oldUrl,
                oldUrl.replace("/americas/", "/europe/"),
                newUrl.replace("/europe/", "/asia/"),
                newUrl.replaceFirst("/\\d{4}/", "/1999/"))) {
            MockHttpServletResponse response = site.get(url);
            assertThat(response.getStatus()).as(url).isEqualTo(301);
            assertThat(response.getHeader("Location")).as(url).isEqualTo(newUrl);
        }
        assertThat(site.status(newUrl)).isEqualTo(200);
    }

    @Test
    void draftsUnpublishedAndEmbargoedArticlesAnswer404() throws Exception {
        ArticleForm form = stories.form("Soon to be pulled");
        long id = stories.draft(form);
        String url = "/americas/2026/01/01/" + form.slug();
        assertThat(site.status(url)).isEqualTo(404);
        workflow.publish(id, Instant.now().plus(Duration.ofDays(2)));
        assertThat(site.status(url)).isEqualTo(404);
        workflow.publish(id, Instant.now().minus(Duration.ofMinutes(1)));
        String live = reader.findBySlug(form.slug()).orElseThrow().url();
        assertThat(site.status(live)).isEqualTo(200);
        workflow.unpublish(id);
        assertThat(site.status(live)).isEqualTo(404);
    }

    @Test
    void topicsAreGroupedByKindPlacesFirst() {
        String place = tags.create(TermForm.tag(Unique.slug("steppe-town"), "Steppe Town", "place"))
                .slug();
        String person = tags.create(TermForm.tag(Unique.slug("ada-envoy"), "Ada Envoy", "person"))
                .slug();
        String organisation = tags.create(TermForm.tag(Unique.slug("grain-board"), "Grain Board", "organisation"))
                .slug();
        ArticleView article = stories.publish(
                stories.form("Envoy visits the steppe").withTags(List.of(Stories.TAG, organisation, person, place)));

        Document doc = site.page(article.url());
        assertThat(doc.select(".article-footer .topic-kind").eachText())
                .containsExactly("Places", "People", "Organisations", "Topics");
        assertThat(doc.select(".article-footer .topic-group").stream()
                        .map(group -> group.select(".tags a").eachText())
                        .toList())
                .containsExactly(
                        List.of("Steppe Town"), List.of("Ada Envoy"), List.of("Grain Board"), List.of("Diplomacy"));
        assertThat(doc.select("#topics-place + ul.tags a").attr("href")).isEqualTo("/tag/" + place);
    }
}
