package org.broadsheet.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.broadsheet.BroadsheetTest;
import org.broadsheet.article.ArticleForm;
import org.broadsheet.article.ArticleView;
import org.broadsheet.taxonomy.Tag;
import org.broadsheet.taxonomy.TagService;
import org.broadsheet.taxonomy.TermForm;
import org.broadsheet.testkit.SiteTest;
import org.broadsheet.testkit.Unique;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a search finds and in which order, through {@link SearchService} on the real database:
 * ranking, the query syntax, accents and word forms, tags, the index following every write, and
 * only public stories. Each test searches for words made for it alone, and rolls back.
 */
@BroadsheetTest
@Transactional
class SearchTests extends SiteTest {

    @Autowired
    SearchService search;

    @Autowired
    TagService tags;

    /** A word of letters only (no digits, so that it is stemmed and unaccented like any word) no other test uses. */
    static String word(String base) {
        StringBuilder word = new StringBuilder(base);
        for (char c : Unique.word("").toCharArray()) {
            word.append(Character.isDigit(c) ? (char) ('g' + c - '0') : c);
        }
        return word.toString();
    }

    private ArticleView publish(String headline, String standfirst, String body, Instant at) {
        return stories.publish(stories.form(headline).withStandfirst(standfirst).withBody(body), at);
    }

    private ArticleView publish(String headline, String body) {
        return publish(headline, "A standfirst.", body, Instant.now().minusSeconds(60));
    }

    private List<String> found(String text) {
        return search.search(SearchQuery.of(text)).hits().stream()
                .map(SearchHit::url)
                .toList();
    }

    @Test
    void headlineMatchRanksAboveBodyMatch() {
        String w = word("zorbl");
        Instant now = Instant.now().minusSeconds(60);
        ArticleView inBody =
                publish("Harbour news", "A standfirst.", "Once " + w + ", twice " + w + ", thrice " + w + ".", now);
        ArticleView inHeadline = publish("The " + w + " returns", "A standfirst.", "Nothing else.", now);

        assertThat(found(w)).containsExactly(inHeadline.url(), inBody.url());
    }

    @Test
    void newerStoryRanksAboveAnEquallyRelevantOlderOne() {
        String w = word("quillo");
        ArticleView older =
                publish("Old " + w, "A standfirst.", "Body.", Instant.now().minus(Duration.ofDays(200)));
        ArticleView newer =
                publish("New " + w, "A standfirst.", "Body.", Instant.now().minus(Duration.ofDays(1)));

        assertThat(found(w)).containsExactly(newer.url(), older.url());
    }

    @Test
    void quotedPhraseFindsTheWordsOnlyInThatOrder() {
        String a = word("ferra");
        String b = word("mosko");
        ArticleView inOrder = publish("Harbour", "The " + a + " " + b + " opened.");
        ArticleView apart = publish("Harbour", "The " + b + " and the " + a + " opened.");

        assertThat(found("\"" + a + " " + b + "\"")).containsExactly(inOrder.url());
        assertThat(found(a + " " + b)).containsExactlyInAnyOrder(inOrder.url(), apart.url());
    }

    @Test
    void minusLeavesOutStoriesWithThatWordAndOrFindsEither() {
        String a = word("plinth");
        String b = word("varga");
        ArticleView onlyA = publish("Port", "The " + a + " story.");
        ArticleView both = publish("Port", "The " + a + " and " + b + " story.");
        ArticleView onlyB = publish("Port", "The " + b + " story.");

        assertThat(found(a + " -" + b)).containsExactly(onlyA.url());
        assertThat(found(a + " or " + b)).containsExactlyInAnyOrder(onlyA.url(), both.url(), onlyB.url());
        assertThat(found(a + " " + b)).containsExactly(both.url());
    }

    @Test
    void accentsDoNotMatterEitherWay() {
        String stem = word("zeph");
        ArticleView accented = publish("Harbour", "They met at the café" + stem + " near the port.");
        ArticleView plain = publish("Harbour", "They met at the resume" + stem + " near the port.");

        assertThat(found("cafe" + stem)).containsExactly(accented.url());
        assertThat(found("CAFÉ" + stem)).containsExactly(accented.url());
        assertThat(found("résumé" + stem)).containsExactly(plain.url());
    }

    @Test
    void otherFormsOfAWordAreFound() {
        String stem = word("zarquon");
        ArticleView story = publish("Harbour", "Three " + stem + "elections were held.");

        assertThat(found(stem + "election")).containsExactly(story.url());
    }

    @Test
    void tagNamesAreFoundAndFollowRetaggingAndRenames() {
        String first = word("tagma");
        String second = word("tagmo");
        Tag tag = tags.create(TermForm.tag(Unique.slug("search-tag"), "Topic " + first, "topic"));
        Tag other = tags.create(TermForm.tag(Unique.slug("search-tag"), "Topic " + second, "topic"));
        ArticleForm form =
                stories.form("Harbour").withStandfirst("A standfirst.").withTags(List.of(tag.slug()));
        ArticleView story = stories.publish(form);
        assertThat(found(first)).containsExactly(story.url());

        articles.update(story.id(), form.withTags(List.of(other.slug())));
        assertThat(found(first)).isEmpty();
        assertThat(found(second)).containsExactly(story.url());

        String renamed = word("tagmu");
        tags.update(other.id(), TermForm.tag(other.slug(), "Topic " + renamed, "topic"));
        assertThat(found(second)).isEmpty();
        assertThat(found(renamed)).containsExactly(story.url());
    }

    @Test
    void editsAreSearchableAtOnce() {
        String before = word("antea");
        String after = word("postea");
        ArticleForm form = stories.form("Harbour " + before).withStandfirst("A standfirst.");
        ArticleView story = stories.publish(form);
        assertThat(found(before)).containsExactly(story.url());

        articles.update(story.id(), form.withHeadline("Harbour " + after).withBody("Now " + after + " too."));
        assertThat(found(before)).isEmpty();
        assertThat(found(after)).containsExactly(story.url());
    }

    @Test
    void onlyPublicStoriesAreFound() {
        String w = word("secreta");
        stories.draft(stories.form("Draft " + w));
        long scheduled = stories.draft(stories.form("Scheduled " + w));
        workflow.schedule(scheduled, Instant.now().plus(Duration.ofDays(1)));
        ArticleView takenDown = stories.publish(stories.form("Taken down " + w));
        workflow.unpublish(takenDown.id());
        ArticleView published = stories.publish(stories.form("Published " + w));

        assertThat(found(w)).containsExactly(published.url());
    }

    @Test
    void sectionAndDatesNarrowTheSearch() {
        String w = word("filtra");
        Instant day = Instant.parse("2025-06-15T12:00:00Z");
        ArticleView americas = stories.publish(stories.form("Americas " + w), day);
        ArticleView europe = stories.publish(stories.form("Europe " + w).withSection("europe"), day);
        ArticleView later =
                stories.publish(stories.form("Later " + w).withSection("europe"), day.plus(Duration.ofDays(10)));
        long europeId = europe.sectionId();

        assertThat(urls(new SearchQuery(SearchText.of(w), europeId, null, null, 1)))
                .containsExactlyInAnyOrder(europe.url(), later.url());
        var june15 = java.time.LocalDate.parse("2025-06-15");
        assertThat(urls(new SearchQuery(SearchText.of(w), null, june15, june15, 1)))
                .containsExactlyInAnyOrder(americas.url(), europe.url());
        assertThat(urls(new SearchQuery(SearchText.of(w), europeId, june15.plusDays(1), null, 1)))
                .containsExactly(later.url());
        assertThat(urls(new SearchQuery(SearchText.of(w + " Europe"), europeId, june15, june15, 1)))
                .containsExactly(europe.url());
        assertThat(urls(new SearchQuery(SearchText.of("\"Later " + w + "\""), europeId, june15, null, 1)))
                .containsExactly(later.url());
    }

    private List<String> urls(SearchQuery query) {
        return search.search(query).hits().stream().map(SearchHit::url).toList();
    }

    @Test
    void resultsComeInPagesWithTheirCount() {
        String w = word("paginar");
        for (int i = 0; i < 12; i++) {
            stories.publish(stories.form("Story " + i + " " + w), Instant.now().minus(Duration.ofHours(i + 1)));
        }
        SearchResults first = search.search(SearchQuery.of(w));
        SearchResults second = search.search(new SearchQuery(SearchText.of(w), null, null, null, 2));

        assertThat(first.total()).isEqualTo(12);
        assertThat(first.pages()).isEqualTo(2);
        assertThat(first.hits()).hasSize(10);
        assertThat(second.hits()).hasSize(2);
        assertThat(second.hasNext()).isFalse();
        assertThat(first.hits())
                .extracting(SearchHit::id)
                .doesNotContainAnyElementsOf(
                        second.hits().stream().map(SearchHit::id).toList());
    }

    @Test
    void aHitHasItsSectionDateBylineAndAHighlightedSnippet() {
        String w = word("snippo");
        ArticleView story = publish("Harbour", "The harbour master said the " + w + " would sail at dawn.");

        SearchHit hit = search.search(SearchQuery.of(w)).hits().get(0);
        assertThat(hit.url()).isEqualTo(story.url());
        assertThat(hit.sectionName()).isEqualTo("Americas");
        assertThat(hit.sectionUrl()).isEqualTo("/americas");
        assertThat(hit.byline()).isEqualTo("Daniel Reyes");
        assertThat(hit.published().date()).isEqualTo(story.published().date());
        assertThat(hit.snippet().parts())
                .contains(new Snippet.Part(w, true))
                .filteredOn(Snippet.Part::found)
                .hasSize(1);
        assertThat(hit.snippet().text()).contains("harbour master said the " + w + " would sail at dawn");
    }

    @Test
    void snippetComesFromAroundTheWordInALongBody() {
        String w = word("farther");
        String filler = "The quay was quiet and the cranes stood still over the water. ".repeat(40);
        publish("Harbour", filler + "\n\nThen the " + w + " arrived.\n\n" + filler);

        Snippet snippet = search.search(SearchQuery.of(w)).hits().get(0).snippet();
        assertThat(snippet.parts()).contains(new Snippet.Part(w, true));
    }

    @Test
    void snippetComesFromAroundTheWordNotFromInsideAnother() {
        String w = word("mole");
        String filler = ("The pre" + w + "x quay was quiet and the cranes stood still over the water. ").repeat(30);
        publish("Harbour", filler + "\n\nThen the " + w + " arrived.");

        Snippet snippet = search.search(SearchQuery.of(w)).hits().get(0).snippet();
        assertThat(snippet.parts()).contains(new Snippet.Part(w, true));
    }

    @Test
    void languageChangeRebuildsEveryVectorOnce() {
        String stem = word("zaphod");
        ArticleView story = publish("Harbour", "The " + stem + "elections were held.");

        // in a transaction of the test's, rolled back with it: the next test finds English again
        assertThat(index.buildWith("simple")).isGreaterThan(0);
        assertThat(index.buildWith("simple")).isZero();
        assertThat(vector(story.id())).contains("'" + stem + "elections'");
        assertThat(index.buildWith("english")).isGreaterThan(0);
        assertThat(vector(story.id())).contains("'" + stem + "elect'");
        assertThatThrownBy(() -> index.buildWith("klingon"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("klingon")
                .hasMessageContaining("french");
    }

    @Test
    void moreMatchesThanAreRankedAreCountedAsMore() {
        String w = word("multa");
        ArticleForm form = stories.form("Story " + w).withStandfirst("A standfirst.");
        for (int i = 0; i <= SearchService.MAX_RESULTS; i++) {
            stories.publish(form.withSlug(Unique.slug("many")), Instant.now().minus(Duration.ofMinutes(i + 1)));
        }
        SearchResults first = search.search(SearchQuery.of(w));
        assertThat(first.total()).isEqualTo(SearchService.MAX_RESULTS);
        assertThat(first.capped()).isTrue();
        assertThat(first.pages()).isEqualTo(SearchService.MAX_RESULTS / 10);
        int last = first.pages();
        assertThat(search.search(new SearchQuery(SearchText.of(w), null, null, null, last))
                        .hits())
                .hasSize(10);
        assertThat(search.search(new SearchQuery(SearchText.of(w), null, null, null, last + 1))
                        .hits())
                .isEmpty();
    }

    @Autowired
    SearchIndex index;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private String vector(long id) {
        return jdbc.sql("select search_vector::text from article where id = ?")
                .param(id)
                .query(String.class)
                .single();
    }
}
