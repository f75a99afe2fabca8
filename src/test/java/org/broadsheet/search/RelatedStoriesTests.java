package org.broadsheet.search;

import static org.assertj.core.api.Assertions.assertThat;

import gg.jte.TemplateEngine;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.broadsheet.BroadsheetTest;
import org.broadsheet.article.ArticleReader;
import org.broadsheet.article.ArticleView;
import org.broadsheet.article.Teaser;
import org.broadsheet.taxonomy.TagService;
import org.broadsheet.taxonomy.TermForm;
import org.broadsheet.testkit.SiteTest;
import org.broadsheet.testkit.Unique;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.transaction.annotation.Transactional;

/**
 * The "Related" list on an article page: stories sharing its tags (rarer tags and people
 * weigh more) and its words, never the article itself, a story already in "More from", or
 * anything unpublished; and kept until a change could alter it.
 */
@BroadsheetTest
@Transactional
class RelatedStoriesTests extends SiteTest {

    @Autowired
    TagService tags;

    @Autowired
    RelatedRepository relatedRepository;

    @Autowired
    ArticleReader reader;

    @Autowired
    TemplateEngine templates;

    @Autowired
    SearchSettings search;

    @Autowired
    JdbcClient jdbc;

    private String tag(String name, String kind) {
        return tags.create(TermForm.tag(Unique.slug(name.toLowerCase().replace(' ', '-')), name, kind))
                .slug();
    }

    private ArticleView publish(String headline, String section, List<String> tagSlugs) {
        return stories.publish(stories.form(headline).withSection(section).withTags(tagSlugs));
    }

    private List<String> related(ArticleView article) {
        Document page = site.page(article.url());
        return page.select(".related .teaser-headline a").eachText();
    }

    @Test
    void neverTheArticleItselfAStoryInMoreFromOrAnythingUnpublished() {
        String topic = tag("Lighthouse keeping", "topic");
        ArticleView article = publish("Keepers return to the northern light", "europe", List.of(topic));
        ArticleView sameSection = publish("Keepers train on the southern light", "europe", List.of(topic));
        ArticleView elsewhere = publish("Keepers wanted on a far coast", "asia", List.of(topic));
        stories.draft(stories.form("Keepers in a draft").withSection("asia").withTags(List.of(topic)));

        Document page = site.page(article.url());
        assertThat(page.select(".more-from a").eachText()).contains(sameSection.headline());
        assertThat(related(article))
                .contains(elsewhere.headline())
                .doesNotContain(article.headline(), sameSection.headline(), "Keepers in a draft");
        assertThat(page.select(".related h2").text()).isEqualTo("Related");
    }

    @Test
    void aRarePersonOutranksACommonTopicAndAtMostFourAreShown() {
        String common = tag("Harbour news", "topic");
        String person = tag("Mira Quell", "person");
        for (int i = 0; i < 6; i++) {
            publish("Harbour note " + i + " " + Unique.name("x"), "asia", List.of(common));
        }
        ArticleView withPerson = publish("An interview in the harbour office", "africa", List.of(common, person));
        ArticleView article = publish("Mira Quell opens the harbour season", "europe", List.of(common, person));

        List<String> related = related(article);
        assertThat(related).hasSize(RelatedStories.COUNT);
        assertThat(related.get(0)).isEqualTo(withPerson.headline());
    }

    @Test
    void aNewStoryRankingHigherIsShownOnTheNextView() {
        String place = tag("Quayside", "place");
        ArticleView article = publish("Quayside market moves indoors", "europe", List.of(place));
        assertThat(related(article)).isEmpty();

        ArticleView newer = publish("Quayside traders vote on the move", "asia", List.of(place));
        assertThat(related(article)).containsExactly(newer.headline());

        workflow.unpublish(newer.id());
        assertThat(related(article)).isEmpty();
    }

    @Test
    void aHeadlineOfOnlyStopWordsIsRelatedByItsTags() {
        String place = tag("Weir bridge", "place");
        ArticleView article = stories.publish(stories.form("To be or not to be")
                .withStandfirst("It is what it was.")
                .withSection("europe")
                .withTags(List.of(place)));
        ArticleView other = publish("Weir bridge repairs begin", "asia", List.of(place));

        assertThat(related(article)).containsExactly(other.headline());
    }

    @Test
    void aStoryOfItsSectionIsRelatedByTheirWordsAloneAndOneSharingNothingIsNot() {
        String word = Unique.word("narwhal");
        ArticleView sharing = untagged("Pilots count " + word + " pods", "A tally from the harbour launch.");
        untagged("Orchard growers begin picking", "Apples come early this year.");
        for (int i = 0; i < 5; i++) { // newer, so that "More from" shows these and not the two above
            untagged(Unique.name("Quiet desk"), "Nothing to add.");
        }
        ArticleView article = untagged(word + " calf sighted", "Divers film it.");

        // Ranked on the headline-and-tags part of the search vector (related_vector, V18).
        assertThat(related(article)).containsExactly(sharing.headline());
    }

    @Test
    void wordsLiftAStoryOverOthersWhoseTagsScoreALittleMore() {
        // Two topics of equal kind, one on 10 stories and one on 11: sharing the rarer scores a
        // little more (ln(1 + n/10) against ln(1 + n/11), at most 0.1 apart), less than words add.
        String rarer = tag("Ferry routes", "topic");
        String commoner = tag("Ice charts", "topic");
        List<String> words = List.of(Unique.word("skerry"), Unique.word("beacon"), Unique.word("squall"));
        String said = String.join(" ", words);
        ArticleView article = stories.publish(stories.form(said)
                .withStandfirst(said + ".")
                .withSection("europe")
                .withTags(List.of(rarer, commoner)));
        for (int i = 0; i < 4; i++) {
            publish(Unique.name("Ferry timetable"), "asia", List.of(rarer));
        }
        ArticleView sharingWords = stories.publish(stories.form(said + " " + Unique.word("tide"))
                .withStandfirst(said + ".")
                .withSection("africa")
                .withTags(List.of(commoner)));
        for (int i = 0; i < 5; i++) {
            stories.draft(
                    stories.form(Unique.name("Ferry draft")).withSection("asia").withTags(List.of(rarer)));
        }
        for (int i = 0; i < 9; i++) {
            stories.draft(
                    stories.form(Unique.name("Chart draft")).withSection("asia").withTags(List.of(commoner)));
        }

        // By tags alone it would be fifth of five; its words (each of the article's, twice) put it first.
        List<String> related = related(article);
        assertThat(related).hasSize(RelatedStories.COUNT);
        assertThat(related.get(0)).isEqualTo(sharingWords.headline());
    }

    @Test
    void aBroadTagIsPassedOverOnlyWhereItCannotChangeTheList() {
        // The story count each tag's rarity divides is PostgreSQL's estimate: make it the real one.
        jdbc.sql("analyze article").update();
        // Broad past 12 stories here, as a running story's topic is past 1,000 on a site.
        RelatedRepository pruning = new RelatedRepository(jdbc, 12);
        RelatedRepository reading = new RelatedRepository(jdbc, Integer.MAX_VALUE);
        String running = tag("Harbour strike", "topic");
        String person = tag("Ansel Dray", "person");
        String place = tag("Gull point", "place");
        List<ArticleView> all = new ArrayList<>();
        // Two with the person and the running story, then three newer with the person alone.
        List<ArticleView> both = publishing(2, "asia", List.of(person, running), all);
        List<ArticleView> personAlone = publishing(3, "asia", List.of(person), all);
        // Two with the place and the running story: too few to know the list without the broad tag
        // (nor is their section's newest what the running story brings).
        List<ArticleView> placed = publishing(2, "africa", List.of(place, running), all);
        publishing(10, "europe", List.of(running), all);
        ArticleView personStory =
                publishing(1, "asia", List.of(person, running), all).get(0);
        ArticleView placeStory =
                publishing(1, "africa", List.of(place, running), all).get(0);
        ArticleView runningStory =
                publishing(1, "europe", List.of(running), all).get(0);

        // The running story's part ranks the two that have it above the newer three.
        assertThat(reading.related(personStory.id(), List.of()))
                .containsExactly(
                        both.get(1).id(),
                        both.get(0).id(),
                        personAlone.get(2).id(),
                        personAlone.get(1).id());
        assertThat(reading.related(placeStory.id(), List.of()))
                .hasSize(RelatedStories.COUNT)
                .startsWith(placed.get(1).id(), placed.get(0).id());
        assertThat(reading.related(runningStory.id(), List.of())).hasSize(RelatedStories.COUNT);
        for (ArticleView story : all) {
            List<Long> read = reading.related(story.id(), List.of());
            assertThat(pruning.related(story.id(), List.of()))
                    .as(story.headline())
                    .isEqualTo(read);
            List<Long> exclude = read.subList(0, 1);
            assertThat(pruning.related(story.id(), exclude))
                    .as(story.headline() + " without its first")
                    .isEqualTo(reading.related(story.id(), exclude));
        }
    }

    /** Publishes {@code count} stories with {@code tags}, each headline one word of its own. */
    private List<ArticleView> publishing(int count, String section, List<String> tags, List<ArticleView> all) {
        List<ArticleView> published = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            published.add(publish(Unique.word("pier"), section, tags));
        }
        all.addAll(published);
        return published;
    }

    private ArticleView untagged(String headline, String standfirst) {
        return stories.publish(stories.form(headline)
                .withStandfirst(standfirst)
                .withSection("europe")
                .withTags(List.of()));
    }

    @Test
    void keptUntilAChangeIsHeardOfUnlessNothingIsToBeKept() {
        String place = tag("Salt flats", "place");
        ArticleView article = publish("Salt flats flood after the storm", "europe", List.of(place));
        ArticleView other = publish("Salt flats road reopens", "asia", List.of(place));
        // Registries of their own: each instance registers the same gauges.
        RelatedStories kept =
                new RelatedStories(relatedRepository, reader, templates, search, new SimpleMeterRegistry());
        RelatedStories notKept = new RelatedStories(
                relatedRepository,
                reader,
                templates,
                new SearchSettings(search.language(), search.halfLife(), search.perPage(), search.cacheTtl(), false),
                new SimpleMeterRegistry());
        assertThat(kept.of(article)).extracting(Teaser::headline).containsExactly(other.headline());
        assertThat(notKept.of(article)).extracting(Teaser::headline).containsExactly(other.headline());

        // A change no event announces (as an operator's SQL would be): only the list not kept sees it.
        jdbc.sql("delete from article_tag where article_id = ?")
                .param(other.id())
                .update();

        assertThat(kept.of(article)).extracting(Teaser::headline).containsExactly(other.headline());
        assertThat(notKept.of(article)).isEmpty();
    }

    @Test
    void theKeptSectionIsSentCompressedAsKeptToGzipClients() throws Exception {
        String place = tag("Ferry pier", "place");
        List<String> headlines = new ArrayList<>();
        for (int i = 0; i < RelatedStories.COUNT; i++) { // long enough together to be worth compressing
            headlines.add(publish(
                            "Ferry pier story " + i + ": " + "the timetable, the fares and the repairs ".repeat(4),
                            "asia",
                            List.of(place))
                    .headline());
        }
        ArticleView article = publish("Ferry pier timetable grows", "europe", List.of(place));

        MockHttpServletResponse plain = site.perform(MockMvcRequestBuilders.get(article.url()));
        MockHttpServletResponse gzip =
                site.perform(MockMvcRequestBuilders.get(article.url()).header("Accept-Encoding", "gzip"));

        assertThat(gzip.getHeader("Content-Encoding")).isEqualTo("gzip");
        String unzipped;
        try (var in = new GZIPInputStream(new ByteArrayInputStream(gzip.getContentAsByteArray()))) {
            unzipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Document zipped = Jsoup.parse(unzipped);
        // The rest of the page differs in per-request tokens (the comment form's).
        assertThat(zipped.select(".related").outerHtml())
                .isEqualTo(Jsoup.parse(plain.getContentAsString(StandardCharsets.UTF_8))
                        .select(".related")
                        .outerHtml());
        assertThat(zipped.select(".related .teaser-headline a").eachText())
                .containsExactlyInAnyOrderElementsOf(headlines);
        assertThat(zipped.selectFirst("footer.site-footer")).isNotNull();
    }
}
