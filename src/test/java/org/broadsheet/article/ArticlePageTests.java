package org.broadsheet.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.broadsheet.BroadsheetTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.annotation.Transactional;

/** The article page as a reader's browser receives it. Each test rolls back what it writes. */
@BroadsheetTest
@Transactional
class ArticlePageTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ArticleService articles;

    @Autowired
    ArticleWorkflow workflow;

    @Autowired
    ArticleReader reader;

    private Document page(String url) throws Exception {
        MvcResult result = mvc.perform(get(url)).andReturn();
        assertThat(result.getResponse().getStatus()).as("status of " + url).isEqualTo(200);
        return Jsoup.parse(result.getResponse().getContentAsString(), "http://localhost" + url);
    }

    private int status(String url) throws Exception {
        return mvc.perform(get(url)).andReturn().getResponse().getStatus();
    }

    private ArticleForm fullArticle(String targetSlug) {
        return new ArticleForm(
                Fixtures.uniqueSlug("foreign-minister-visits-central-asia"),
                "Foreign minister visits Central Asia",
                "A five-day tour takes in three capitals.",
                """
                        The minister landed in Astana on Monday.

                        ## Race for influence

                        > "We are here to listen," she said.

                        - Astana
                        - Tashkent

                        [[related: %s]]

                        Officials spoke of new rail links.

                        [[read-more: %s]]
                        """.formatted(targetSlug, targetSlug),
                "asia",
                List.of("mei-lin-zhou", "tomas-novak"),
                List.of("diplomacy", "central-asia"),
                new LeadImage(
                        "/assets/images/demo/steppe-rail.svg",
                        "A train crossing the steppe",
                        "Freight trains cross the steppe.",
                        "Illustration: Broadsheet",
                        1200,
                        675));
    }

    private ArticleView publishFull() {
        ArticleForm target = Fixtures.article("Rail corridor opens");
        long targetId = articles.create(target).id();
        workflow.publish(targetId, null);
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
        Document doc = page(article.url());

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
        assertThat(doc.selectFirst("link[rel=canonical]").attr("href")).isEqualTo(article.url());
    }

    @Test
    void skipLinkIsTheFirstFocusableElementAndTargetsTheMainContent() throws Exception {
        Document doc = page(publishFull().url());
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
        ArticleForm form = Fixtures.article("Barely touched");
        Instant published = Instant.now().minus(Duration.ofHours(3));
        articles.importPublished(form, published, published.plus(Duration.ofMinutes(10)));
        Document doc = page(reader.findBySlug(form.slug()).orElseThrow().url());
        assertThat(doc.select(".dates .updated")).isEmpty();
        assertThat(doc.select(".notes")).isEmpty();
    }

    @Test
    void moreFromSectionExcludesTheCurrentArticleAndDrafts() throws Exception {
        ArticleForm draft = Fixtures.article(Fixtures.uniqueSlug("draft-in-asia"), "A draft in Asia", "asia", "x");
        articles.create(draft);
        ArticleView article = publishFull();
        Document doc = page(article.url());
        List<String> links = doc.select(".more-from .teaser-headline a").eachAttr("href");
        assertThat(links)
                .hasSize(5)
                .doesNotContain(article.url())
                .allSatisfy(href -> assertThat(href).startsWith("/asia/").doesNotContain(draft.slug()));
    }

    @Test
    void everyTextFieldIsEscaped() throws Exception {
        String evil = "<script>alert(1)</script>";
        ArticleForm form = new ArticleForm(
                Fixtures.uniqueSlug("escaping"),
                "Headline " + evil,
                "Standfirst " + evil,
                "Body " + evil + "\n",
                "asia",
                List.of("daniel-reyes"),
                List.of("diplomacy"),
                new LeadImage(
                        "/assets/x.svg\" onerror=\"alert(1)",
                        "Alt " + evil,
                        "Caption " + evil,
                        "Credit " + evil,
                        10,
                        10));
        long id = articles.create(form).id();
        workflow.publish(id, null);
        workflow.addNote(id, NoteKind.UPDATE, "Note " + evil, null);
        MvcResult result = mvc.perform(
                        get(reader.findBySlug(form.slug()).orElseThrow().url()))
                .andReturn();
        String html = result.getResponse().getContentAsString();
        Document doc = Jsoup.parse(html);

        assertThat(html).doesNotContain("<script>");
        assertThat(doc.select("script").not("[src^=/assets/]"))
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
        ArticleForm form = Fixtures.article("Ceasefire talks");
        long id = articles.create(form).id();
        workflow.publish(id, null);
        String oldUrl = reader.findBySlug(form.slug()).orElseThrow().url();

        String newSlug = Fixtures.uniqueSlug("ceasefire-talks-collapse");
        articles.update(id, Fixtures.withSection(Fixtures.withSlug(form, newSlug), "europe"));
        String newUrl = reader.findBySlug(newSlug).orElseThrow().url();
        assertThat(newUrl).startsWith("/europe/").endsWith(newSlug);

        for (String url : List.of(
                oldUrl,
                oldUrl.replace("/americas/", "/europe/"),
                newUrl.replace("/europe/", "/asia/"),
                newUrl.replaceFirst("/\\d{4}/", "/1999/"))) {
            MvcResult result = mvc.perform(get(url)).andReturn();
            assertThat(result.getResponse().getStatus()).as(url).isEqualTo(301);
            assertThat(result.getResponse().getHeader("Location")).as(url).isEqualTo(newUrl);
        }
        assertThat(status(newUrl)).isEqualTo(200);
    }

    @Test
    void draftsUnpublishedAndEmbargoedArticlesAnswer404() throws Exception {
        ArticleForm form = Fixtures.article("Soon to be pulled");
        long id = articles.create(form).id();
        String url = "/americas/2026/01/01/" + form.slug();
        assertThat(status(url)).isEqualTo(404);
        workflow.publish(id, Instant.now().plus(Duration.ofDays(2)));
        assertThat(status(url)).isEqualTo(404);
        workflow.publish(id, Instant.now().minus(Duration.ofMinutes(1)));
        String live = reader.findBySlug(form.slug()).orElseThrow().url();
        assertThat(status(live)).isEqualTo(200);
        workflow.unpublish(id);
        assertThat(status(live)).isEqualTo(404);
    }
}
