package org.broadsheet.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.broadsheet.BroadsheetTest;
import org.broadsheet.article.ArticleCatalogue;
import org.broadsheet.article.ArticleForm;
import org.broadsheet.article.ArticleView;
import org.broadsheet.article.NoteKind;
import org.broadsheet.site.SiteIdentities;
import org.broadsheet.taxonomy.AuthorService;
import org.broadsheet.taxonomy.SectionService;
import org.broadsheet.taxonomy.TagService;
import org.broadsheet.taxonomy.Taxonomy;
import org.broadsheet.taxonomy.TermForm;
import org.broadsheet.testkit.SiteTest;
import org.broadsheet.testkit.Unique;
import org.broadsheet.web.SiteIdentity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sitemap index, the paged sitemaps, the news sitemap and robots.txt, read as a crawler reads
 * them: every document parsed by a namespace-aware parser. Other tests may leave stories of their
 * own on the site, so counts are taken from what the site lists, not assumed; this class's own
 * stories live in its transaction, which rolls back.
 */
@BroadsheetTest
@Transactional
class SitemapTests extends SiteTest {

    private static final String ORIGIN = "http://localhost";

    @Autowired
    Sitemaps sitemaps;

    @Autowired
    ArticleCatalogue catalogue;

    @Autowired
    TagService tags;

    @Autowired
    SectionService sections;

    @Autowired
    AuthorService authors;

    @Autowired
    SiteIdentities identities;

    @Test
    void indexListsEverySitemapByAbsoluteUrlAndEachIsWellFormed() {
        MockHttpServletResponse response = site.get("/sitemap.xml");
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).isEqualTo("application/xml;charset=UTF-8");
        assertThat(response.getHeader("Cache-Control")).isEqualTo("public, max-age=300");
        assertThat(response.getHeader("ETag")).matches("(W/)?\".+\"");

        SitemapDocument index = SitemapDocument.parse(response);
        assertThat(index.root()).isEqualTo("sitemapindex");
        assertThat(index.locs())
                .containsExactly(
                        ORIGIN + "/sitemaps/articles-1.xml",
                        ORIGIN + "/sitemaps/sections-1.xml",
                        ORIGIN + "/sitemaps/tags-1.xml",
                        ORIGIN + "/sitemaps/authors-1.xml",
                        ORIGIN + "/sitemaps/news.xml");
        assertThat(index.entries().subList(0, 4))
                .allSatisfy(e -> assertThat(e.lastmod()).isNotNull());
        for (String loc : index.locs()) {
            MockHttpServletResponse sitemap = site.get(loc.substring(ORIGIN.length()));
            assertThat(sitemap.getStatus()).as(loc).isEqualTo(200);
            assertThat(SitemapDocument.parse(sitemap).root()).isEqualTo("urlset");
        }
    }

    @Test
    void articlesAreListedWithTheLastChangeReadersCanSee() {
        Instant published = Instant.parse("2024-03-01T10:00:00.250Z");
        long edited = articles.importPublished(
                        stories.form("Edited after publication"), published, published.plus(Duration.ofHours(20)))
                .id();
        long draftedBefore = articles.importPublished(
                        stories.form("Drafted the day before"), published, published.minus(Duration.ofDays(1)))
                .id();
        long corrected = articles.importPublished(stories.form("Corrected later"), published, published)
                .id();
        Instant correction = Instant.parse("2024-05-06T07:08:09Z");
        workflow.addNote(corrected, NoteKind.CORRECTION, "A name was misspelt.", correction);

        SitemapDocument articles = SitemapDocument.parse(site.get("/sitemaps/articles-1.xml"));
        assertThat(articles.lastmodOf(ORIGIN + stories.view(edited).url())).isEqualTo("2024-03-02T06:00:00Z");
        assertThat(articles.lastmodOf(ORIGIN + stories.view(draftedBefore).url()))
                .isEqualTo("2024-03-01T10:00:00Z");
        assertThat(articles.lastmodOf(ORIGIN + stories.view(corrected).url())).isEqualTo("2024-05-06T07:08:09Z");
        assertThat(articles.locs())
                .doesNotHaveDuplicates()
                .allSatisfy(loc -> assertThat(loc).startsWith(ORIGIN + "/"));
    }

    @Test
    void draftsScheduledAndTakenDownStoriesAreNeverListed() {
        String tag = newTag();
        String author = newAuthor();
        // the tag and the author are on these stories only: their list pages have nothing public
        ArticleForm draft = stories.form("Hidden").withTags(List.of(tag)).withAuthors(List.of(author));
        stories.draft(draft);
        ArticleForm scheduled = draft.withSlug(Unique.slug("scheduled"));
        workflow.schedule(stories.draft(scheduled), Instant.now().plus(Duration.ofDays(1)));
        ArticleForm takenDown = draft.withSlug(Unique.slug("taken-down"));
        long takenDownId =
                stories.publish(takenDown, Instant.now().minusSeconds(3600)).id();
        workflow.unpublish(takenDownId);
        List<String> hidden = List.of("/" + draft.slug(), "/" + scheduled.slug(), "/" + takenDown.slug());

        List<String> listed = new ArrayList<>(everyLoc());
        assertThat(listed).isNotEmpty().noneMatch(loc -> hidden.stream().anyMatch(loc::contains));
        assertThat(listed).doesNotContain(ORIGIN + "/tag/" + tag, ORIGIN + "/author/" + author);
    }

    @Test
    void termSitemapsListTheListPagesOfTermsWithPublicStories() {
        String usedTag = newTag();
        String unusedTag = newTag();
        String author = newAuthor();
        String section = Unique.slug("desk");
        sections.create(TermForm.section(section, Unique.name("Desk"), ""));
        Instant published = Instant.parse("2025-01-02T03:04:05Z");
        articles.importPublished(
                stories.form("On a new desk")
                        .withSection(section)
                        .withTags(List.of(usedTag))
                        .withAuthors(List.of(author)),
                published,
                published);

        assertThat(listed("tags").lastmodOf(ORIGIN + "/tag/" + usedTag)).isEqualTo("2025-01-02T03:04:05Z");
        assertThat(listed("tags").locs()).doesNotContain(ORIGIN + "/tag/" + unusedTag);
        assertThat(listed("authors").lastmodOf(ORIGIN + "/author/" + author)).isEqualTo("2025-01-02T03:04:05Z");
        assertThat(listed("sections").lastmodOf(ORIGIN + "/" + section)).isEqualTo("2025-01-02T03:04:05Z");
        assertThat(listed("sections").locs()).contains(ORIGIN + "/americas");
    }

    @Test
    void pagingSplitsEachKindIntoSitemapsOfThePageSize() {
        stories.publish(stories.form("One more for the pages"));
        List<String> all =
                SitemapDocument.parse(site.get("/sitemaps/articles-1.xml")).locs();
        int size = 7;
        int pages = Sitemaps.pages(all.size(), size);
        assertThat(pages).isGreaterThan(3);

        List<String> paged = new ArrayList<>();
        List<Sitemaps.Listed> index = sitemaps.index(size);
        for (int page = 1; page <= pages; page++) {
            SitemapDocument sitemap = articlesPage(page, size);
            assertThat(sitemap.locs()).hasSize(page < pages ? size : all.size() - (pages - 1) * size);
            assertThat(index.get(page - 1).path()).isEqualTo("/sitemaps/articles-" + page + ".xml");
            assertThat(SitemapXml.w3c(index.get(page - 1).lastModified())).isEqualTo(sitemap.newestLastmod());
            paged.addAll(sitemap.locs());
        }
        assertThat(paged).isEqualTo(all);
        assertThat(index.get(pages).path()).isEqualTo("/sitemaps/sections-1.xml");
        assertThat(sitemaps.hasArticlePage(pages, size)).isTrue();
        assertThat(sitemaps.hasArticlePage(pages + 1, size)).isFalse();
        assertThat(sitemaps.hasArticlePage(0, size)).isFalse();
        assertThat(articlesPage(pages + 1, size).locs()).isEmpty();

        int tagCount = listed("tags").locs().size();
        List<String> tagSitemaps = sitemaps.index(1).stream()
                .map(Sitemaps.Listed::path)
                .filter(path -> path.startsWith("/sitemaps/tags-"))
                .toList();
        assertThat(tagSitemaps).hasSize(tagCount).last().isEqualTo("/sitemaps/tags-" + tagCount + ".xml");
        assertThat(sitemaps.terms(Taxonomy.TAG, tagCount, 1)).hasSize(1);
        assertThat(sitemaps.terms(Taxonomy.TAG, tagCount + 1, 1)).isEmpty();
    }

    @Test
    void newsSitemapListsTheStoriesOfTheLast48HoursNewestFirst() {
        Instant now = Instant.now();
        ArticleView recent = stories.publish(stories.form("Floods & <em>storms</em>"), now.minus(Duration.ofHours(1)));
        ArticleView inside = stories.publish(stories.form("Inside the window"), now.minus(Duration.ofHours(47)));
        ArticleView outside = stories.publish(stories.form("Outside the window"), now.minus(Duration.ofHours(49)));

        MockHttpServletResponse response = site.get("/sitemaps/news.xml");
        assertThat(response.getHeader("Cache-Control")).isEqualTo("public, max-age=60");
        SitemapDocument news = SitemapDocument.parse(response);
        assertThat(news.root()).isEqualTo("urlset");
        List<SitemapDocument.NewsEntry> entries = news.news();
        assertThat(entries)
                .extracting(SitemapDocument.NewsEntry::loc)
                .contains(ORIGIN + recent.url(), ORIGIN + inside.url())
                .doesNotContain(ORIGIN + outside.url());
        assertThat(entries)
                .extracting(SitemapDocument.NewsEntry::publicationDate)
                .isSortedAccordingTo((a, b) -> b.compareTo(a))
                .allSatisfy(date -> assertThat(Instant.parse(date))
                        .isAfter(now.minus(Duration.ofHours(48).plusMinutes(1))));
        SitemapDocument.NewsEntry floods = entries.stream()
                .filter(e -> e.loc().equals(ORIGIN + recent.url()))
                .findFirst()
                .orElseThrow();
        assertThat(floods.title()).isEqualTo("Floods & <em>storms</em>");
        assertThat(floods.name()).isEqualTo(identities.current().name());
        assertThat(floods.language()).isEqualTo("en");
        assertThat(floods.publicationDate()).isEqualTo(SitemapXml.w3c(now.minus(Duration.ofHours(1))));
    }

    @Test
    void newsSitemapNamesThePublicationAsTheSiteIsNamedNow() {
        stories.publish(stories.form("Under a new masthead"));
        String before = site.get("/sitemaps/news.xml").getHeader("ETag");
        String name = Unique.name("The Evening Gazette");
        identities.update(new SiteIdentity(name, "News at six"));

        MockHttpServletResponse response = site.get("/sitemaps/news.xml");
        assertThat(SitemapDocument.parse(response).news())
                .allSatisfy(e -> assertThat(e.name()).isEqualTo(name));
        assertThat(response.getHeader("ETag")).isNotEqualTo(before);
    }

    @Test
    void newsSitemapHoldsAtMostAThousandStories() {
        Instant since = Instant.now().minus(Sitemaps.NEWS_WINDOW);
        stories.publish(stories.form("Newest"), Instant.now().minusSeconds(1));
        stories.publish(stories.form("Second newest"), Instant.now().minusSeconds(2));
        List<ArticleCatalogue.Entry> window = catalogue.publishedAfter(since, ArticleCatalogue.BATCH);
        assertThat(catalogue.publishedAfter(since, 2)).isEqualTo(window.subList(0, 2));
        assertThat(Sitemaps.NEWS_MAX).isEqualTo(1_000);
    }

    @Test
    void conditionalGetAnswers304UntilWhatIsListedChanges() {
        List<String> paths =
                List.of("/sitemap.xml", "/sitemaps/articles-1.xml", "/sitemaps/tags-1.xml", "/sitemaps/news.xml");
        Map<String, String> etags = new HashMap<>();
        for (String path : paths) {
            etags.put(path, site.get(path).getHeader("ETag"));
            MockHttpServletResponse again = site.perform(get(path).header("If-None-Match", etags.get(path)));
            assertThat(again.getStatus()).as(path).isEqualTo(304);
            assertThat(again.getContentAsByteArray()).isEmpty();
        }
        ArticleView story =
                stories.publish(stories.form("News that changes every sitemap").withTags(List.of(newTag())));

        for (String path : paths) {
            MockHttpServletResponse after = site.perform(get(path).header("If-None-Match", etags.get(path)));
            assertThat(after.getStatus()).as(path).isEqualTo(200);
            assertThat(after.getHeader("ETag")).as(path).isNotEqualTo(etags.get(path));
        }
        String withStory = site.get("/sitemaps/articles-1.xml").getHeader("ETag");
        workflow.unpublish(story.id());
        // taking a story down leaves no later lastmod anywhere; the tag changes all the same
        MockHttpServletResponse without =
                site.perform(get("/sitemaps/articles-1.xml").header("If-None-Match", withStory));
        assertThat(without.getStatus()).isEqualTo(200);
        assertThat(SitemapDocument.parse(without).locs()).doesNotContain(ORIGIN + story.url());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/sitemaps/articles-0.xml",
                "/sitemaps/articles-01.xml",
                "/sitemaps/articles-2.xml",
                "/sitemaps/tags-999.xml",
                "/sitemaps/articles-1",
                "/sitemaps/articles-1.xml.gz",
                "/sitemaps/ARTICLES-1.xml",
                "/sitemaps/articles-99999999999.xml",
                "/sitemaps/pages-1.xml",
                "/sitemaps/news-1.xml",
                "/sitemaps/",
                "/sitemap-1.xml"
            })
    void namesThatAreNoSitemapAndPagesPastTheLastAnswer404(String path) {
        assertThat(site.get(path).getStatus()).isEqualTo(404);
    }

    @Test
    void robotsTxtPointsAtTheSitemapsAndKeepsCrawlersOutOfPrivatePaths() throws Exception {
        MockHttpServletResponse robots = site.get("/robots.txt");
        assertThat(robots.getStatus()).isEqualTo(200);
        assertThat(robots.getContentType()).isEqualTo("text/plain;charset=UTF-8");
        assertThat(robots.getContentAsString(StandardCharsets.UTF_8)).isEqualTo("""
                        User-agent: *
                        Disallow: /newsroom$
                        Disallow: /newsroom/
                        Disallow: /search$
                        Disallow: /search?
                        Disallow: /search/
                        Disallow: /*?replytocom=
                        Disallow: /*&replytocom=

                        Sitemap: http://localhost/sitemap.xml
                        Sitemap: http://localhost/sitemaps/news.xml
                        """);
        assertThat(robots.getHeader("Cache-Control")).isEqualTo("public, max-age=300");
    }

    private SitemapDocument listed(String kind) {
        return SitemapDocument.parse(site.get("/sitemaps/" + kind + "-1.xml"));
    }

    /** Page {@code page} of the articles sitemaps of {@code pageSize}, as written. */
    private SitemapDocument articlesPage(int page, int pageSize) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SitemapXml xml = SitemapXml.urls(out)) {
            sitemaps.writeArticles(page, pageSize, xml);
        }
        return SitemapDocument.parse(out.toString(StandardCharsets.UTF_8));
    }

    /** Every URL the index leads to, through every sitemap it lists. */
    private List<String> everyLoc() {
        List<String> locs = new ArrayList<>();
        for (String sitemap : SitemapDocument.parse(site.get("/sitemap.xml")).locs()) {
            locs.addAll(SitemapDocument.parse(site.get(sitemap.substring(ORIGIN.length())))
                    .locs());
        }
        return locs;
    }

    private String newTag() {
        return tags.create(TermForm.tag(Unique.slug("tide"), Unique.name("Tide"), "topic"))
                .slug();
    }

    private String newAuthor() {
        return authors.create(TermForm.author(Unique.slug("writer"), Unique.name("Writer"), "", ""))
                .slug();
    }
}
