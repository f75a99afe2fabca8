package org.broadsheet.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rometools.rome.feed.synd.SyndEntry;
import gg.jte.TemplateEngine;
import java.time.Duration;
import java.time.Instant;
import org.broadsheet.BroadsheetTest;
import org.broadsheet.article.ArticleView;
import org.broadsheet.taxonomy.AuthorService;
import org.broadsheet.taxonomy.SectionService;
import org.broadsheet.taxonomy.TagService;
import org.broadsheet.testkit.SiteTest;
import org.broadsheet.web.FeedFormat;
import org.broadsheet.web.SiteIdentity;
import org.broadsheet.web.SiteUrls;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * {@code broadsheet.feeds.content} and {@code broadsheet.feeds.items}: feeds of summaries carry
 * the standfirst and no full text, and list as many stories as set. The feeds are made here with
 * the settings under test, by the same classes the site uses; the test rolls back.
 */
@BroadsheetTest
@Transactional
class FeedSettingsTests extends SiteTest {

    @Autowired
    SectionService sections;

    @Autowired
    TagService tags;

    @Autowired
    AuthorService authors;

    @Autowired
    SiteUrls urls;

    @Autowired
    TemplateEngine templates;

    FeedContent siteFeed(FeedSettings.Content content, int items) {
        var settings = new FeedSettings(content, items, Duration.ofMinutes(5));
        return new StoryFeeds(reader, sections, tags, authors, urls, settings, templates)
                .of(FeedSource.SITE)
                .orElseThrow();
    }

    static FeedContext context(FeedFormat format) {
        return new FeedContext(format, "https://news.example", new SiteIdentity("Broadsheet", "News"), "en");
    }

    @Test
    void theDefaultsAreFullTextAndTwentyItems() {
        assertThat(new FeedSettings(FeedSettings.Content.FULL, 20, Duration.ofMinutes(5)).fullText())
                .isTrue();
        assertThat(FeedReaders.rome(site.get("/feed").getContentAsByteArray()).getEntries())
                .hasSizeLessThanOrEqualTo(20)
                .allSatisfy(entry -> assertThat(entry.getContents()).isNotEmpty());
    }

    @Test
    void summaryFeedsCarryTheStandfirstAndNoFullText() {
        ArticleView story = stories.publish(
                stories.form("Gulls return to the harbour").withBody("Only in the full text."),
                Instant.now().minusSeconds(1));
        FeedContent content = siteFeed(FeedSettings.Content.SUMMARY, 20);

        byte[] rss = RssWriter.write(content, context(FeedFormat.RSS));
        SyndEntry item = FeedReaders.rome(rss).getEntries().get(0);
        assertThat(item.getLink()).isEqualTo("https://news.example" + story.url());
        assertThat(item.getDescription().getValue()).isEqualTo("A standfirst for Gulls return to the harbour.");
        assertThat(item.getContents()).isEmpty();
        assertThat(new String(rss, java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("Only in the full text");
        FeedReaders.feedparser(rss, "application/rss+xml; charset=UTF-8");

        byte[] atom = AtomWriter.write(content, context(FeedFormat.ATOM));
        SyndEntry entry = FeedReaders.rome(atom).getEntries().get(0);
        assertThat(entry.getDescription().getValue()).isEqualTo("A standfirst for Gulls return to the harbour.");
        assertThat(entry.getContents()).isEmpty();
        FeedReaders.feedparser(atom, "application/atom+xml; charset=UTF-8");

        JsonNode json = FeedReaders.json(JsonFeedWriter.write(content, context(FeedFormat.JSON)));
        JsonNode first = json.get("items").get(0);
        assertThat(first.has("content_html")).isFalse();
        assertThat(first.get("content_text").asString()).isEqualTo("A standfirst for Gulls return to the harbour.");
        assertThat(first.get("summary").asString()).isEqualTo("A standfirst for Gulls return to the harbour.");
    }

    @Test
    void feedsListAsManyStoriesAsSet() {
        assertThat(siteFeed(FeedSettings.Content.FULL, 3).entries()).hasSize(3);
        assertThat(siteFeed(FeedSettings.Content.SUMMARY, 25).entries()).hasSize(25);
    }

    @Test
    void impossibleSettingsAreRefusedAtStart() {
        assertThatThrownBy(() -> new FeedSettings(FeedSettings.Content.FULL, 0, Duration.ofMinutes(5)))
                .hasMessageContaining("broadsheet.feeds.items");
        assertThatThrownBy(() -> new FeedSettings(FeedSettings.Content.FULL, 101, Duration.ofMinutes(5)))
                .hasMessageContaining("broadsheet.feeds.items");
        assertThatThrownBy(() -> new FeedSettings(FeedSettings.Content.FULL, 20, Duration.ZERO))
                .hasMessageContaining("broadsheet.feeds.cache-ttl");
    }
}
