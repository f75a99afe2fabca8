package org.broadsheet.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.broadsheet.BroadsheetTest;
import org.broadsheet.taxonomy.TagService;
import org.broadsheet.testkit.SiteTest;
import org.broadsheet.testkit.Unique;
import org.broadsheet.web.NotFoundException;
import org.broadsheet.web.Pagination;
import org.broadsheet.web.ResultPage;
import org.broadsheet.web.ValidationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Writing and publishing in the newsroom: ownership, revisions, edit conflicts, review, autosaves. */
@BroadsheetTest
@Transactional
class ArticleWorkflowTests extends SiteTest {

    @Autowired
    TagService tags;

    @Autowired
    JdbcClient jdbc;

    long writer;
    long editor;

    @BeforeEach
    void staff() {
        writer = StaffRows.create(jdbc, "Wanda Writer", "contributor");
        editor = StaffRows.create(jdbc, "Eddie Editor", "editor");
    }

    private long draft(String headline) {
        return articles.create(stories.form(headline), writer, List.of()).id();
    }

    private ArticleForm current(long id) {
        return desk.forEditing(id).form();
    }

    private int version(long id) {
        return desk.forEditing(id).version();
    }

    // ---- ownership and revisions

    @Test
    void creatingRecordsTheOwnerAndRevisionOne() {
        long id = draft("Harbour reopens");
        EditableArticle article = desk.forEditing(id);
        assertThat(article.createdBy()).isEqualTo(writer);
        assertThat(article.status()).isEqualTo(ArticleStatus.DRAFT);
        assertThat(article.version()).isEqualTo(1);
        assertThat(desk.revisions(id)).singleElement().satisfies(r -> {
            assertThat(r.number()).isEqualTo(1);
            assertThat(r.kind()).isEqualTo(RevisionKind.CREATED);
            assertThat(r.staffName()).isEqualTo("Wanda Writer");
            assertThat(r.headline()).isEqualTo("Harbour reopens");
        });
    }

    @Test
    void everySaveStoresARevisionSayingWhoAndWhatChanged() {
        long id = draft("Port strike ends");
        articles.save(id, current(id).withHeadline("Port strike ends after talks"), 1, writer, List.of());
        ArticleForm second = current(id);
        articles.save(id, second.withBody("New first paragraph.\n"), 2, editor, List.of());

        List<RevisionSummary> list = desk.revisions(id);
        assertThat(list).extracting(RevisionSummary::number).containsExactly(3, 2, 1);
        assertThat(list.get(0).staffName()).isEqualTo("Eddie Editor");
        assertThat(list.get(0).changes()).containsExactly("Body");
        assertThat(list.get(1).staffName()).isEqualTo("Wanda Writer");
        assertThat(list.get(1).changes()).containsExactly("Headline");
        assertThat(desk.revision(id, 2).headline()).isEqualTo("Port strike ends after talks");
        assertThat(version(id)).isEqualTo(3);
    }

    @Test
    void savingWithoutChangesMakesNoRevision() {
        long id = draft("Nothing new");
        articles.save(id, current(id), 1, writer, List.of());
        assertThat(desk.revisions(id)).hasSize(1);
        assertThat(version(id)).isEqualTo(1);
    }

    @Test
    void aSaveFromAnOlderVersionIsRefusedAndChangesNothing() {
        long id = draft("Bridge vote delayed");
        ArticleForm opened = current(id);
        articles.save(id, opened.withHeadline("Bridge vote delayed again"), 1, editor, List.of());

        assertThatThrownBy(() -> articles.save(id, opened.withBody("My own edit.\n"), 1, writer, List.of()))
                .isInstanceOfSatisfying(ArticleEditConflict.class, e -> {
                    assertThat(e.baseVersion()).isEqualTo(1);
                    assertThat(e.currentVersion()).isEqualTo(2);
                });
        assertThat(current(id).headline()).isEqualTo("Bridge vote delayed again");
        assertThat(current(id).body()).isEqualTo(opened.body());
        assertThat(desk.revisions(id)).hasSize(2);

        RevisionDiff theirChange = desk.compare(id, 1, 2);
        RevisionDiff.FieldDiff headline = theirChange.fields().get(0);
        assertThat(headline.label()).isEqualTo("Headline");
        assertThat(headline.changed()).isTrue();
        assertThat(headline.lines()).singleElement().satisfies(line -> {
            assertThat(line.change()).isEqualTo(RevisionDiff.Change.CHANGED);
            assertThat(line.after())
                    .filteredOn(RevisionDiff.Span::changed)
                    .singleElement()
                    .extracting(RevisionDiff.Span::text)
                    .asString()
                    .isEqualToIgnoringWhitespace("again");
        });
        assertThat(theirChange.fields())
                .filteredOn(f -> !f.label().equals("Headline"))
                .noneMatch(RevisionDiff.FieldDiff::changed);
    }

    @Test
    void restoringARevisionMakesANewOne() {
        long id = draft("Original headline");
        ArticleForm original = current(id);
        articles.save(id, original.withHeadline("Changed headline").withBody("Changed body.\n"), 1, editor, List.of());

        articles.restore(id, 1, 2, writer);

        assertThat(current(id).headline()).isEqualTo("Original headline");
        assertThat(current(id).body()).isEqualTo(original.body());
        RevisionSummary restored = desk.revisions(id).get(0);
        assertThat(restored.number()).isEqualTo(3);
        assertThat(restored.kind()).isEqualTo(RevisionKind.RESTORED);
        assertThat(restored.restoredFrom()).isEqualTo(1);
        assertThat(restored.changes()).containsExactly("Headline", "Body");
        assertThat(desk.compare(id, 1, 3).identical()).isTrue();
        assertThatThrownBy(() -> articles.restore(id, 1, 2, writer)).isInstanceOf(ArticleEditConflict.class);
        assertThatThrownBy(() -> articles.restore(id, 99, 3, writer)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void longUnchangedStretchesOfTheBodyAreFoldedInADiff() {
        StringBuilder body = new StringBuilder();
        for (int i = 1; i <= 30; i++) {
            body.append("Paragraph ").append(i).append(".\n\n");
        }
        ArticleForm form = stories.form("Long read").withBody(body.toString());
        long id = articles.create(form, writer, List.of()).id();
        articles.save(
                id,
                current(id).withBody(body.toString().replace("Paragraph 20.", "Paragraph twenty.")),
                1,
                writer,
                List.of());

        List<RevisionDiff.Line> lines = desk.compare(id, 1, 2).fields().stream()
                .filter(f -> f.label().equals("Body"))
                .findFirst()
                .orElseThrow()
                .lines();
        assertThat(lines)
                .filteredOn(l -> l.change() == RevisionDiff.Change.CHANGED)
                .singleElement()
                .satisfies(l -> {
                    assertThat(l.before()).contains(new RevisionDiff.Span("20", true));
                    assertThat(l.after()).contains(new RevisionDiff.Span("twenty", true));
                });
        assertThat(lines.get(0).change()).isEqualTo(RevisionDiff.Change.SKIPPED);
        assertThat(lines).hasSizeLessThan(15);
    }

    @Test
    void revisionsOfAnUnknownArticleAreNotFound() {
        assertThatThrownBy(() -> desk.revisions(Long.MAX_VALUE)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> desk.compare(Long.MAX_VALUE, 1, 2)).isInstanceOf(NotFoundException.class);
    }

    // ---- tags

    @Test
    void newTagsAreCreatedWithTheSave() {
        String name = Unique.name("Harbour Dredging");
        String slug = org.broadsheet.web.Slugs.from(name);
        ArticleForm form = stories.form("Dredging starts").withTags(List.of("diplomacy", slug));
        long id = articles.create(form, editor, List.of(name)).id();
        assertThat(tags.findBySlug(slug)).get().extracting(t -> t.name()).isEqualTo(name);
        assertThat(current(id).tags()).containsExactly("diplomacy", slug);
    }

    @Test
    @Transactional(propagation = Propagation.NOT_SUPPORTED) // the save's own transaction must roll back
    void aRefusedSaveCreatesNoTags() {
        String name = Unique.name("Never Made");
        String slug = org.broadsheet.web.Slugs.from(name);
        ArticleForm bad = stories.form(" ").withTags(List.of(slug));
        assertThatThrownBy(() -> articles.create(bad, editor, List.of(name))).isInstanceOf(ValidationException.class);
        assertThat(tags.findBySlug(slug)).isEmpty();
    }

    // ---- review, scheduling, publishing

    @Test
    void aDraftGoesThroughReviewToPublication() {
        long id = draft("Reservoir levels fall");
        workflow.submitForReview(id);
        assertThat(desk.forEditing(id).status()).isEqualTo(ArticleStatus.IN_REVIEW);
        assertThat(desk.inReview(500)).extracting(ArticleSummary::id).contains(id);

        workflow.returnToDraft(id);
        assertThat(desk.forEditing(id).status()).isEqualTo(ArticleStatus.DRAFT);
        workflow.submitForReview(id);
        workflow.publish(id, null);

        EditableArticle published = desk.forEditing(id);
        assertThat(published.status()).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(published.publicUrl())
                .isEqualTo(reader.findById(id).orElseThrow().url());
        assertThat(desk.recentlyPublished(500)).extracting(ArticleSummary::id).contains(id);
        assertThatThrownBy(() -> workflow.submitForReview(id))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("status");
    }

    @Test
    void schedulingNeedsAFutureTimeAndUnschedulingReturnsToDraft() {
        long id = draft("Budget embargoed");
        assertThatThrownBy(() -> workflow.schedule(id, Instant.now().minusSeconds(60)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("future");
        Instant at = Instant.now().plus(Duration.ofDays(3));
        workflow.schedule(id, at);
        assertThat(desk.forEditing(id).status()).isEqualTo(ArticleStatus.SCHEDULED);
        assertThat(desk.forEditing(id).publicUrl()).isNull();
        assertThat(desk.scheduled(500)).extracting(ArticleSummary::id).contains(id);

        workflow.returnToDraft(id);
        assertThat(desk.forEditing(id).status()).isEqualTo(ArticleStatus.DRAFT);
        assertThat(desk.scheduled(500)).extracting(ArticleSummary::id).doesNotContain(id);
    }

    @Test
    void onlyPublishedOrScheduledArticlesCanBeUnpublished() {
        long id = draft("Never out");
        assertThatThrownBy(() -> workflow.unpublish(id)).isInstanceOf(ValidationException.class);
        workflow.publish(id, null);
        workflow.unpublish(id);
        assertThat(desk.forEditing(id).status()).isEqualTo(ArticleStatus.UNPUBLISHED);
        assertThat(reader.findById(id)).isEmpty();
    }

    @Test
    void savingAPublishedArticleShowsReadersTheChangeAtOnce() {
        long id = draft("Ferry timetable changes");
        workflow.publish(id, null);
        assertThat(reader.findById(id)).get().extracting(ArticleView::headline).isEqualTo("Ferry timetable changes");
        articles.save(id, current(id).withHeadline("Ferry timetable changes from Monday"), 1, editor, List.of());
        assertThat(reader.findById(id))
                .get()
                .extracting(ArticleView::headline)
                .isEqualTo("Ferry timetable changes from Monday");
    }

    @Test
    void aNoteMovesTheUpdatedTimeAndThePageShowsUpdated() {
        long id = draft("Bridge length reported");
        workflow.publish(id, null);
        assertThat(reader.findById(id).orElseThrow().updated()).isNull();
        Instant before = Instant.now();
        workflow.addNote(id, NoteKind.CORRECTION, "The bridge is 2 km long, not 20 km.", null);

        ArticleView view = reader.findById(id).orElseThrow();
        assertThat(view.updated()).isNotNull();
        assertThat(view.updated().at().toInstant()).isAfterOrEqualTo(before.minusSeconds(1));
        assertThat(desk.forEditing(id).notes())
                .singleElement()
                .extracting(ArticleView.Note::text)
                .isEqualTo("The bridge is 2 km long, not 20 km.");
    }

    @Test
    void notesAreOnlyForPublishedArticles() {
        long id = draft("Not out yet");
        assertThatThrownBy(() -> workflow.addNote(id, NoteKind.UPDATE, "Too early.", null))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("published");
    }

    // ---- lists

    @Test
    void dashboardListsSplitArticlesByStatusAndOwner() {
        long mine = draft("My own draft");
        long othersDraft = articles.create(stories.form("Someone else's draft"), editor, List.of())
                .id();
        assertThat(desk.draftsOf(writer, 50))
                .extracting(ArticleSummary::id)
                .contains(mine)
                .doesNotContain(othersDraft);
        ArticleSummary summary = desk.draftsOf(writer, 50).stream()
                .filter(s -> s.id() == mine)
                .findFirst()
                .orElseThrow();
        assertThat(summary.createdByName()).isEqualTo("Wanda Writer");
        assertThat(summary.authorNames()).containsExactly("Daniel Reyes");
        assertThat(summary.status()).isEqualTo(ArticleStatus.DRAFT);
        assertThat(summary.publicUrl()).isNull();
    }

    @Test
    void theArticleListFiltersAndPages() {
        String word = Unique.slug("zanzibarite");
        long first = draft("Clove harvest " + word);
        long second = articles.create(
                        stories.form("Clove prices " + word)
                                .withSlug(Unique.slug("cloves"))
                                .withSection("asia")
                                .withBody("Body.\n"),
                        editor,
                        List.of())
                .id();
        workflow.submitForReview(second);

        assertThat(desk.list(new ArticleFilter(null, null, null, word, null), 1, 20)
                        .items())
                .extracting(ArticleSummary::id)
                .containsExactly(second, first);
        assertThat(desk.list(new ArticleFilter(ArticleStatus.IN_REVIEW, null, null, word, null), 1, 20)
                        .items())
                .extracting(ArticleSummary::id)
                .containsExactly(second);
        assertThat(desk.list(new ArticleFilter(null, "americas", null, word, null), 1, 20)
                        .items())
                .extracting(ArticleSummary::id)
                .containsExactly(first);
        assertThat(desk.list(new ArticleFilter(null, null, "daniel-reyes", word, null), 1, 20)
                        .total())
                .isEqualTo(2);
        assertThat(desk.list(new ArticleFilter(null, null, "mei-lin-zhou", word, null), 1, 20)
                        .total())
                .isZero();
        assertThat(desk.list(new ArticleFilter(null, null, null, word, writer), 1, 20)
                        .items())
                .extracting(ArticleSummary::id)
                .containsExactly(first);

        ResultPage<ArticleSummary> page2 = desk.list(new ArticleFilter(null, null, null, word, null), 2, 1);
        assertThat(page2.items()).extracting(ArticleSummary::id).containsExactly(first);
        assertThat(page2.total()).isEqualTo(2);
        Pagination links = page2.pagination(p -> "/list?page=" + p);
        assertThat(links.previousUrl()).isEqualTo("/list?page=1");
        assertThat(links.nextUrl()).isNull();
    }

    @Test
    void wildcardsInTheSearchTextAreTakenLiterally() {
        draft(Unique.name("Half of the vote"));
        assertThat(desk.list(new ArticleFilter(null, null, null, "%%%%", null), 1, 5)
                        .total())
                .isZero();
        assertThat(desk.lookup("_", 5)).isEmpty();
    }

    @Test
    void theReferencePickerFindsArticlesByHeadline() {
        String word = Unique.slug("quokka");
        long id = draft("Island count of " + word + " rises");
        assertThat(desk.lookup(word.toUpperCase(), 10))
                .extracting(ArticleSummary::id)
                .containsExactly(id);
        assertThat(desk.lookup("  ", 10)).isEmpty();
    }

    // ---- autosave and preview

    @Test
    void anAutosaveIsOfferedToItsAuthorOnlyUntilTheySave() {
        long id = draft("Typing in progress");
        ArticleForm typed = current(id).withBody("Half a sentence");
        autosaves.autosave(id, writer, 1, typed);

        assertThat(desk.autosave(id, writer)).get().satisfies(a -> {
            assertThat(a.form().body()).isEqualTo("Half a sentence");
            assertThat(a.baseVersion()).isEqualTo(1);
        });
        assertThat(desk.autosave(id, editor)).isEmpty();

        autosaves.autosave(id, writer, 1, current(id).withBody("Half a sentence, and more"));
        assertThat(desk.autosave(id, writer))
                .get()
                .extracting(a -> a.form().body())
                .isEqualTo("Half a sentence, and more");
        assertThat(desk.revisions(id)).hasSize(1);

        articles.save(id, current(id).withBody("A whole sentence.\n"), 1, writer, List.of());
        assertThat(desk.autosave(id, writer)).isEmpty();
    }

    @Test
    void anAutosaveThatMatchesTheSavedTextIsNotOffered() {
        long id = draft("Same as saved");
        autosaves.autosave(id, writer, 1, current(id));
        assertThat(desk.autosave(id, writer)).isEmpty();
        autosaves.autosave(id, writer, 1, current(id).withBody("changed"));
        autosaves.discardAutosave(id, writer);
        assertThat(desk.autosave(id, writer)).isEmpty();
    }

    @Test
    void previewRendersLikeTheArticlePage() {
        long target = draft("Dam opens");
        workflow.publish(target, null);
        String slug = current(target).slug();
        ArticlePreview preview = desk.preview(
                " Preview headline ",
                "Standfirst",
                "Some *emphasis*.\n\n[[related: " + slug + "]]\n\n<script>alert(1)</script>\n\n[[read-more: "
                        + Unique.slug("nowhere") + "]]\n",
                null);
        assertThat(preview.headline()).isEqualTo("Preview headline");
        assertThat(preview.body().get(0).html().html())
                .contains("<em>emphasis</em>")
                .doesNotContain("script");
        assertThat(preview.body())
                .filteredOn(p -> !p.isHtml())
                .singleElement()
                .satisfies(p -> assertThat(p.target().id()).isEqualTo(target));
        assertThat(preview.warnings()).singleElement().asString().contains("names no article");
    }
}
