package org.broadsheet.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.broadsheet.BroadsheetTest;
import org.broadsheet.web.NotFoundException;
import org.broadsheet.web.ValidationException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;

/** The rules of articles, on the real database; each test rolls back. */
@BroadsheetTest
@Transactional
class ArticleServiceTests {

    @Autowired
    ArticleService articles;

    @Autowired
    ArticleWorkflow workflow;

    @Autowired
    ArticleReader reader;

    private long published(ArticleForm form) {
        long id = articles.create(form).id();
        workflow.publish(id, null);
        return id;
    }

    @Test
    void permalinkIsSectionPublicationDayAndSlug() {
        ArticleForm form = Fixtures.article("Ministers meet in Astana");
        long id = articles.create(form).id();
        workflow.publish(id, Instant.parse("2026-03-05T23:30:00Z").plus(Duration.ZERO));
        assertThat(reader.findBySlug(form.slug()))
                .get()
                .extracting(ArticleView::url)
                .isEqualTo("/americas/2026/03/05/" + form.slug());
    }

    @Test
    void slugIsMadeFromTheHeadlineWhenBlank() {
        ArticleForm form =
                Fixtures.withSlug(Fixtures.article("Élection anticipée: ¿qué pasa? " + System.nanoTime()), "");
        ArticleSaved saved = articles.create(form);
        assertThat(saved.slug()).startsWith("election-anticipee-que-pasa-");
    }

    @Test
    void draftsScheduledAndUnpublishedArticlesAreInvisibleToReaders() {
        ArticleForm draft = Fixtures.article("A draft");
        articles.create(draft);
        assertThat(reader.findBySlug(draft.slug())).isEmpty();

        ArticleForm future = Fixtures.article("An embargoed story");
        long futureId = articles.create(future).id();
        workflow.publish(futureId, Instant.now().plus(1, ChronoUnit.DAYS));
        assertThat(workflow.status(futureId)).contains(ArticleStatus.SCHEDULED);
        assertThat(reader.findBySlug(future.slug())).isEmpty();

        ArticleForm pulled = Fixtures.article("A pulled story");
        long pulledId = published(pulled);
        assertThat(reader.findBySlug(pulled.slug())).isPresent();
        workflow.unpublish(pulledId);
        assertThat(reader.findBySlug(pulled.slug())).isEmpty();
    }

    @Test
    void scheduledArticleBecomesPublicWhenItsTimeComes() {
        ArticleForm form = Fixtures.article("Embargo lifts");
        long id = articles.create(form).id();
        workflow.publish(id, Instant.now().plusMillis(300));
        assertThat(reader.findBySlug(form.slug())).isEmpty();
        await(Duration.ofMillis(400));
        assertThat(workflow.publishDue()).isGreaterThanOrEqualTo(1);
        assertThat(workflow.status(id)).contains(ArticleStatus.PUBLISHED);
        assertThat(reader.findBySlug(form.slug())).isPresent();
    }

    @Test
    void oldSlugStillFindsTheArticleAfterARename() {
        ArticleForm form = Fixtures.article("Trade talks resume");
        long id = published(form);
        String newSlug = Fixtures.uniqueSlug("trade-talks-resume-in-geneva");
        articles.update(id, Fixtures.withSlug(form, newSlug));

        ArticleView viaOld = reader.findBySlug(form.slug()).orElseThrow();
        assertThat(viaOld.slug()).isEqualTo(newSlug);
        assertThat(viaOld.url()).endsWith("/" + newSlug);
    }

    @Test
    void sectionChangeMovesThePermalink() {
        ArticleForm form = Fixtures.article("Summit moves venue");
        long id = published(form);
        articles.update(id, Fixtures.withSection(form, "asia"));
        assertThat(reader.findBySlug(form.slug()).orElseThrow().url()).startsWith("/asia/");
    }

    @Test
    void anotherArticlesSlugCurrentOrFormerIsRefused() {
        ArticleForm first = Fixtures.article("First");
        long firstId = articles.create(first).id();
        String renamed = Fixtures.uniqueSlug("first-renamed");
        articles.update(firstId, Fixtures.withSlug(first, renamed));

        assertThatThrownBy(() -> articles.create(Fixtures.withSlug(Fixtures.article("Second"), renamed)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("slug");
        assertThatThrownBy(() -> articles.create(Fixtures.withSlug(Fixtures.article("Third"), first.slug())))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("slug");
    }

    @Test
    void everyBrokenRuleIsReportedAtOnceAndNothingIsSaved() {
        long before = articles.count();
        ArticleForm bad = new ArticleForm(
                "Not A Slug!",
                " ",
                "x".repeat(ArticleForm.STANDFIRST_MAX + 1),
                "",
                "no-such-section",
                List.of("nobody"),
                List.of("no-such-tag"),
                new LeadImage("javascript:alert(1)", "", null, null, -5, null));
        assertThatThrownBy(() -> articles.create(bad))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems())
                                .extracting(ValidationException.Problem::field)
                                .contains(
                                        "slug",
                                        "headline",
                                        "standfirst",
                                        "section",
                                        "authors",
                                        "tags",
                                        "image.path",
                                        "image.alt",
                                        "image.width"));
        assertThat(articles.count()).isEqualTo(before);
    }

    @Test
    void atLeastOneAuthorIsRequired() {
        ArticleForm form = Fixtures.article("No byline");
        ArticleForm noAuthors = new ArticleForm(
                form.slug(),
                form.headline(),
                form.standfirst(),
                form.body(),
                form.section(),
                List.of(),
                form.tags(),
                null);
        assertThatThrownBy(() -> articles.create(noAuthors))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("author");
    }

    @Test
    void overlongHeadlineIsRefused() {
        ArticleForm form = Fixtures.article("x".repeat(ArticleForm.HEADLINE_MAX + 1));
        assertThatThrownBy(() -> articles.create(form))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("headline");
    }

    @Test
    void unknownIdIsNotFound() {
        assertThatThrownBy(() -> workflow.publish(Long.MAX_VALUE, null)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> articles.update(Long.MAX_VALUE, Fixtures.article("Ghost")))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void storyReferencesFollowTheTargetsHeadlineAndPermalink() {
        ArticleForm target = Fixtures.article("Quake toll rises");
        long targetId = published(target);
        ArticleForm story = Fixtures.article(
                Fixtures.uniqueSlug("rescue-teams"),
                "Rescue teams arrive",
                "asia",
                "Intro.\n\n[[related: " + target.slug() + "]]\n\nMore.\n\n[[read-more: " + targetId + "]]\n");
        ArticleSaved saved = articles.create(story);
        assertThat(saved.warnings()).isEmpty();
        workflow.publish(saved.id(), null);

        String newSlug = Fixtures.uniqueSlug("quake-death-toll-climbs");
        articles.update(targetId, Fixtures.withHeadline(Fixtures.withSlug(target, newSlug), "Quake death toll climbs"));

        List<ArticleView.BodyPart> refs = reader.findBySlug(story.slug()).orElseThrow().body().stream()
                .filter(p -> !p.isHtml())
                .toList();
        assertThat(refs).hasSize(2);
        assertThat(refs).allSatisfy(p -> {
            assertThat(p.target().headline()).isEqualTo("Quake death toll climbs");
            assertThat(p.target().url()).endsWith("/" + newSlug);
        });
        assertThat(refs.get(0).related()).isTrue();
        assertThat(refs.get(1).related()).isFalse();
    }

    @Test
    void referencesToMissingOrUnpublishedArticlesWarnAndShowNothing() {
        ArticleForm draft = Fixtures.article("Unfinished draft");
        articles.create(draft);
        ArticleForm story = Fixtures.article(
                Fixtures.uniqueSlug("with-bad-refs"),
                "Story with bad refs",
                "asia",
                "Text.\n\n[[related: " + draft.slug() + "]]\n\n[[read-more: no-such-story-anywhere]]\n");
        ArticleSaved saved = articles.create(story);
        workflow.publish(saved.id(), null);

        assertThat(saved.warnings())
                .hasSize(2)
                .anySatisfy(w -> assertThat(w).contains("not published"))
                .anySatisfy(w -> assertThat(w).contains("no-such-story-anywhere"));
        assertThat(reader.findBySlug(story.slug()).orElseThrow().body()).allMatch(ArticleView.BodyPart::isHtml);
    }

    @Test
    void updatedDateShowsOnlyWhenChangedWellAfterPublishing() {
        Instant published = Instant.parse("2026-05-01T08:00:00Z");
        ArticleForm minor = Fixtures.article("Minor fix");
        articles.importPublished(minor, published, published.plus(Duration.ofMinutes(20)));
        ArticleForm major = Fixtures.article("Major update");
        articles.importPublished(major, published, published.plus(Duration.ofHours(3)));

        assertThat(reader.findBySlug(minor.slug()).orElseThrow().updated()).isNull();
        assertThat(reader.findBySlug(major.slug()).orElseThrow().updated())
                .isNotNull()
                .extracting(d -> d.iso())
                .isEqualTo("2026-05-01T11:00:00Z");
    }

    @Test
    void notesAreKeptInDateOrder() {
        ArticleForm form = Fixtures.article("Corrected story");
        long id = published(form);
        workflow.addNote(id, NoteKind.UPDATE, "Added the ministry's statement.", Instant.parse("2026-05-02T10:00:00Z"));
        workflow.addNote(
                id, NoteKind.CORRECTION, "The bridge is 2km long, not 20km.", Instant.parse("2026-05-01T10:00:00Z"));
        assertThat(reader.findBySlug(form.slug()).orElseThrow().notes())
                .extracting(ArticleView.Note::kind)
                .containsExactly(NoteKind.CORRECTION, NoteKind.UPDATE);
        assertThatThrownBy(() -> workflow.addNote(id, NoteKind.UPDATE, " ", null))
                .isInstanceOf(ValidationException.class);
    }

    private static void await(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
