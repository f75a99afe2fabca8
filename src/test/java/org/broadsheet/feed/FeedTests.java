package org.broadsheet.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndPerson;
import java.time.Instant;
import java.util.List;
import org.broadsheet.BroadsheetTest;
import org.broadsheet.article.ArticleForm;
import org.broadsheet.article.ArticleView;
import org.broadsheet.article.LeadImage;
import org.broadsheet.taxonomy.AuthorService;
import org.broadsheet.taxonomy.Section;
import org.broadsheet.taxonomy.SectionService;
import org.broadsheet.taxonomy.Tag;
import org.broadsheet.taxonomy.TagService;
import org.broadsheet.taxonomy.TermForm;
import org.broadsheet.testkit.SiteTest;
import org.broadsheet.testkit.Unique;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * What the feeds of stories say, in RSS 2.0, Atom 1.0 and JSON Feed 1.1, read back by Rome and
 * by feedparser: the newest stories of the site, a section, a tag or an author, in full, with
 * absolute addresses and ids that no edit changes. Each test publishes its own stories (the
 * newest on the site) and terms inside its own transaction, which rolls back.
 */
@BroadsheetTest
@Transactional
class FeedTests extends SiteTest {

    static final String ORIGIN = "http://localhost";
    static final MediaType RSS = MediaType.parseMediaType("application/rss+xml;charset=UTF-8");
    static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");
    static final MediaType JSON = MediaType.parseMediaType("application/feed+json");

    @Autowired
    SectionService sections;

    @Autowired
    TagService tags;

    @Autowired
    AuthorService authors;

    /** Published a second ago: the newest story on the site. */
    ArticleView newest(ArticleForm form) {
        return stories.publish(form, Instant.now().minusSeconds(1));
    }

    /** A story whose body links within the site and beyond, with a picture in it and a lead image. */
    ArticleForm storyWithLinks(String headline) {
        return stories.form(headline)
                .withBody("""
                        The quay reopened on Tuesday, [the harbour office said](/americas).

                        ![Cranes at dusk](/assets/images/demo/container-ship.svg)

                            indented   code    keeps   its   spaces

                        See [the port authority](https://port.example/notice) for the timetable.
                        """)
                .withImage(new LeadImage(
                        "/assets/images/demo/container-ship.svg", "A ship at anchor", "Waiting", "Desk", 1200, 675));
    }

    byte[] fetch(String url, MediaType type) {
        MockHttpServletResponse response = site.get(url);
        assertThat(response.getStatus()).as(url).isEqualTo(200);
        assertThat(MediaType.parseMediaType(response.getContentType())).as(url).isEqualTo(type);
        return response.getContentAsByteArray();
    }

    @Test
    void rssLeadsWithTheNewestStoryInFullWithAbsoluteLinks() {
        ArticleView story = newest(storyWithLinks("Quay reopens after the storm"));
        byte[] feed = fetch("/feed", RSS);

        SyndFeed rss = FeedReaders.rome(feed);
        assertThat(rss.getFeedType()).isEqualTo("rss_2.0");
        assertThat(rss.getTitle()).isEqualTo("Broadsheet");
        assertThat(rss.getLink()).isEqualTo(ORIGIN + "/");
        assertThat(rss.getLanguage()).isEqualTo("en");
        assertThat(rss.getEntries()).hasSizeLessThanOrEqualTo(20);
        SyndEntry item = rss.getEntries().get(0);
        assertThat(item.getTitle()).isEqualTo("Quay reopens after the storm");
        assertThat(item.getLink()).isEqualTo(ORIGIN + story.url());
        assertThat(item.getUri()).matches("tag:localhost,\\d{4}-\\d{2}-\\d{2}:article:" + story.id());
        assertThat(item.getAuthor()).isEqualTo("Daniel Reyes");
        assertThat(item.getCategories()).extracting(SyndCategory::getName).containsExactly("Diplomacy");
        assertThat(item.getDescription().getValue()).isEqualTo("A standfirst for Quay reopens after the storm.");
        assertThat(item.getContents().get(0).getValue())
                .contains("<a href=\"" + ORIGIN + "/americas\">the harbour office said</a>")
                .contains("src=\"" + ORIGIN + "/assets/images/demo/container-ship.svg\" alt=\"Cranes at dusk\"")
                .contains("alt=\"A ship at anchor\"")
                .contains("href=\"https://port.example/notice\"")
                .contains("indented   code    keeps   its   spaces")
                .doesNotContain("=\"/");
        assertThat(new String(feed, java.nio.charset.StandardCharsets.UTF_8))
                .contains("<guid isPermaLink=\"false\">" + item.getUri() + "</guid>")
                .contains("href=\"" + ORIGIN + "/feed\" rel=\"self\" type=\"application/rss+xml\"");

        JsonNode parsed = FeedReaders.feedparser(feed, RSS.toString());
        assertThat(parsed.get("version").asString()).isEqualTo("rss20");
        JsonNode first = parsed.get("entries").get(0);
        assertThat(first.get("id").asString()).isEqualTo(item.getUri());
        assertThat(first.get("link").asString()).isEqualTo(ORIGIN + story.url());
        assertThat(first.get("author").asString()).isEqualTo("Daniel Reyes");
    }

    @Test
    void atomSaysTheSameWithEntryIdsUpdatedTimesAndTheSiteAsAuthor() {
        ArticleView story = newest(storyWithLinks("Ferries run again"));
        byte[] feed = fetch("/feed/atom", ATOM);

        SyndFeed atom = FeedReaders.rome(feed);
        assertThat(atom.getFeedType()).isEqualTo("atom_1.0");
        assertThat(atom.getTitle()).isEqualTo("Broadsheet");
        assertThat(atom.getUri()).isEqualTo(ORIGIN + "/feed/atom");
        SyndEntry entry = atom.getEntries().get(0);
        assertThat(entry.getTitle()).isEqualTo("Ferries run again");
        assertThat(entry.getLink()).isEqualTo(ORIGIN + story.url());
        assertThat(entry.getUri()).matches("tag:localhost,\\d{4}-\\d{2}-\\d{2}:article:" + story.id());
        assertThat(entry.getPublishedDate().toInstant())
                .isEqualTo(story.published().at().toInstant());
        assertThat(entry.getUpdatedDate()).isNotNull();
        assertThat(entry.getAuthors()).extracting(SyndPerson::getName).containsExactly("Daniel Reyes");
        assertThat(entry.getAuthors().get(0).getUri()).isEqualTo(ORIGIN + "/author/daniel-reyes");
        assertThat(entry.getCategories()).extracting(SyndCategory::getName).containsExactly("Diplomacy");
        assertThat(entry.getDescription().getValue()).isEqualTo("A standfirst for Ferries run again.");
        assertThat(entry.getContents().get(0).getType()).isEqualTo("html");
        assertThat(entry.getContents().get(0).getValue()).contains("href=\"" + ORIGIN + "/americas\"");

        JsonNode parsed = FeedReaders.feedparser(feed, ATOM.toString());
        assertThat(parsed.get("version").asString()).isEqualTo("atom10");
        assertThat(parsed.get("entries").get(0).get("id").asString()).isEqualTo(entry.getUri());
    }

    @Test
    void jsonFeedHasEveryFieldOfVersion11() {
        ArticleView story = newest(storyWithLinks("Tugboats return to the bay"));
        JsonNode feed = FeedReaders.json(fetch("/feed.json", JSON));

        assertThat(feed.get("version").asString()).isEqualTo("https://jsonfeed.org/version/1.1");
        assertThat(feed.get("title").asString()).isEqualTo("Broadsheet");
        assertThat(feed.get("home_page_url").asString()).isEqualTo(ORIGIN + "/");
        assertThat(feed.get("feed_url").asString()).isEqualTo(ORIGIN + "/feed.json");
        assertThat(feed.get("language").asString()).isEqualTo("en");
        JsonNode item = feed.get("items").get(0);
        assertThat(item.get("id").asString()).matches("tag:localhost,\\d{4}-\\d{2}-\\d{2}:article:" + story.id());
        assertThat(item.get("url").asString()).isEqualTo(ORIGIN + story.url());
        assertThat(item.get("title").asString()).isEqualTo("Tugboats return to the bay");
        assertThat(item.get("content_html").asString())
                .contains("<a href=\"" + ORIGIN + "/americas\">")
                .doesNotContain("=\"/");
        assertThat(item.has("content_text")).isFalse();
        assertThat(item.get("summary").asString()).isEqualTo("A standfirst for Tugboats return to the bay.");
        assertThat(item.get("image").asString()).isEqualTo(ORIGIN + "/assets/images/demo/container-ship.svg");
        assertThat(Instant.parse(item.get("date_published").asString()))
                .isEqualTo(story.published().at().toInstant());
        assertThat(Instant.parse(item.get("date_modified").asString()))
                .isAfterOrEqualTo(story.published().at().toInstant());
        assertThat(item.get("authors").get(0).get("name").asString()).isEqualTo("Daniel Reyes");
        assertThat(item.get("authors").get(0).get("url").asString()).isEqualTo(ORIGIN + "/author/daniel-reyes");
        assertThat(item.get("tags").get(0).asString()).isEqualTo("Diplomacy");
        assertThat(feed.get("items")).hasSizeLessThanOrEqualTo(20);
    }

    @Test
    void sectionTagAndAuthorFeedsListOnlyTheirOwnStories() {
        Section desk = sections.create(TermForm.section(Unique.slug("desk"), Unique.name("Polar desk"), ""));
        Tag tag = tags.create(TermForm.tag(Unique.slug("ice"), Unique.name("Sea ice"), "topic"));
        String author = authors.create(TermForm.author(Unique.slug("writer"), Unique.name("Ines Berg"), "", ""))
                .slug();
        ArticleView inDesk = newest(stories.form("Icebreaker sails north").withSection(desk.slug()));
        ArticleView tagged = newest(stories.form("Ice shelf cracks").withTags(List.of(tag.slug())));
        ArticleView byline = newest(stories.form("Notes from the floe").withAuthors(List.of(author)));

        assertThat(titles(fetch("/" + desk.slug() + "/feed", RSS))).containsExactly(inDesk.headline());
        assertThat(titles(fetch("/" + desk.slug() + "/feed/atom", ATOM))).containsExactly(inDesk.headline());
        assertThat(titles(fetch("/tag/" + tag.slug() + "/feed", RSS))).containsExactly(tagged.headline());
        assertThat(titles(fetch("/tag/" + tag.slug() + "/feed/atom", ATOM))).containsExactly(tagged.headline());
        assertThat(titles(fetch("/author/" + author + "/feed", RSS))).containsExactly(byline.headline());
        assertThat(titles(fetch("/author/" + author + "/feed/atom", ATOM))).containsExactly(byline.headline());

        SyndFeed sectionFeed = FeedReaders.rome(fetch("/" + desk.slug() + "/feed", RSS));
        assertThat(sectionFeed.getTitle()).isEqualTo(desk.name() + " – Broadsheet");
        assertThat(sectionFeed.getLink()).isEqualTo(ORIGIN + "/" + desk.slug());
        SyndFeed tagFeed = FeedReaders.rome(fetch("/tag/" + tag.slug() + "/feed/atom", ATOM));
        assertThat(tagFeed.getUri()).isEqualTo(ORIGIN + "/tag/" + tag.slug() + "/feed/atom");
        FeedReaders.feedparser(fetch("/tag/" + tag.slug() + "/feed", RSS), RSS.toString());
        FeedReaders.feedparser(fetch("/author/" + author + "/feed/atom", ATOM), ATOM.toString());
    }

    @Test
    void anEntrysIdStaysWhenItsHeadlineSlugAndSectionChange() {
        ArticleForm form = stories.form("Storm warning for the coast");
        ArticleView story = newest(form);
        String id = FeedReaders.rome(fetch("/feed", RSS)).getEntries().get(0).getUri();

        articles.update(
                story.id(),
                form.withHeadline("Storm warning lifted")
                        .withSlug(Unique.slug("lifted"))
                        .withSection("asia"));

        String moved = stories.view(story.id()).url();
        assertThat(moved).startsWith("/asia/").isNotEqualTo(story.url());
        for (String url : List.of("/feed", "/feed/atom")) {
            SyndEntry entry = FeedReaders.rome(site.get(url).getContentAsByteArray())
                    .getEntries()
                    .get(0);
            assertThat(entry.getTitle()).as(url).isEqualTo("Storm warning lifted");
            assertThat(entry.getLink()).as(url).isEqualTo(ORIGIN + moved);
            assertThat(entry.getUri()).as(url).isEqualTo(id);
        }
        assertThat(FeedReaders.json(fetch("/feed.json", JSON))
                        .get("items")
                        .get(0)
                        .get("id")
                        .asString())
                .isEqualTo(id);
    }

    @Test
    void aHostileHeadlineStaysTextInWellFormedFeeds() {
        String hostile = "</script><b>\"Tom\" & 'Jerry'</b> <!-- ]]> --> \u2028 < 3";
        newest(stories.form(hostile).withStandfirst("A & B <i>said</i> \"no\"."));

        for (String url : List.of("/feed", "/feed/atom")) {
            byte[] feed = site.get(url).getContentAsByteArray();
            SyndEntry entry = FeedReaders.rome(feed).getEntries().get(0);
            assertThat(entry.getTitle()).as(url).isEqualTo(hostile);
            JsonNode parsed = FeedReaders.feedparser(feed, site.get(url).getContentType());
            assertThat(parsed.get("entries").get(0).get("link").asString())
                    .as(url)
                    .startsWith(ORIGIN + "/");
        }
        JsonNode item = FeedReaders.json(fetch("/feed.json", JSON)).get("items").get(0);
        assertThat(item.get("title").asString()).isEqualTo(hostile);
        assertThat(item.get("summary").asString()).isEqualTo("A & B <i>said</i> \"no\".");
    }

    @Test
    void aStoryTakenDownLeavesTheFeeds() {
        ArticleView story = newest(stories.form("Correction pending"));
        assertThat(titles(fetch("/feed", RSS))).first().isEqualTo(story.headline());

        workflow.unpublish(story.id());

        assertThat(titles(fetch("/feed", RSS))).doesNotContain(story.headline());
        assertThat(titles(fetch("/feed/atom", ATOM))).doesNotContain(story.headline());
    }

    static List<String> titles(byte[] feed) {
        return FeedReaders.rome(feed).getEntries().stream()
                .map(SyndEntry::getTitle)
                .toList();
    }
}
