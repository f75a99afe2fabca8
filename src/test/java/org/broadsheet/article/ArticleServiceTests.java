package org.broadsheet.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.broadsheet.BroadsheetTest;
import org.broadsheet.testkit.SiteTest;
import org.broadsheet.testkit.Unique;
import org.broadsheet.web.NotFoundException;
import org.broadsheet.web.ValidationException;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.annotation.Transactional;

/** The rules of articles, on the real database; each test rolls back. */
@BroadsheetTest
@Transactional
class ArticleServiceTests extends SiteTest {

    private long published(ArticleForm form) {
        long id = articles.create(form).id();
        workflow.publish(id, null);
        return id;
    }

    @Test
    void permalinkIsSectionPublicationDayAndSlug() {
        ArticleForm form = stories.form("Ministers meet in Astana");
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
                stories.form(Unique.name("Élection anticipée: ¿qué pasa?")).withSlug("");
        ArticleSaved saved = articles.create(form);
        assertThat(saved.slug()).startsWith("election-anticipee-que-pasa-");
    }

    @Test
    void draftsScheduledAndUnpublishedArticlesAreInvisibleToReaders() {
        ArticleForm draft = stories.form("A draft");
        articles.create(draft);
        assertThat(reader.findBySlug(draft.slug())).isEmpty();

        ArticleForm future = stories.form("An embargoed story");
        long futureId = articles.create(future).id();
        workflow.publish(futureId, Instant.now().plus(1, ChronoUnit.DAYS));
        assertThat(workflow.status(futureId)).contains(ArticleStatus.SCHEDULED);
        assertThat(reader.findBySlug(future.slug())).isEmpty();

        ArticleForm pulled = stories.form("A pulled story");
        long pulledId = published(pulled);
        assertThat(reader.findBySlug(pulled.slug())).isPresent();
        workflow.unpublish(pulledId);
        assertThat(reader.findBySlug(pulled.slug())).isEmpty();
    }

    @Test
    void scheduledArticleBecomesPublicWhenItsTimeComes() {
        ArticleForm form = stories.form("Embargo lifts");
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
        ArticleForm form = stories.form("Trade talks resume");
        long id = published(form);
        String newSlug = Unique.slug("trade-talks-resume-in-geneva");
        articles.update(id, form.withSlug(newSlug));

        ArticleView viaOld = reader.findBySlug(form.slug()).orElseThrow();
        assertThat(viaOld.slug()).isEqualTo(newSlug);
        assertThat(viaOld.url()).endsWith("/" + newSlug);
    }

    @Test
    void sectionChangeMovesThePermalink() {
        ArticleForm form = stories.form("Summit moves venue");
        long id = published(form);
        articles.update(id, form.withSection("asia"));
        assertThat(reader.findBySlug(form.slug()).orElseThrow().url()).startsWith("/asia/");
    }

    @Test
    void anotherArticlesSlugCurrentOrFormerIsRefused() {
        ArticleForm first = stories.form("First");
        long firstId = articles.create(first).id();
        String renamed = Unique.slug("first-renamed");
        articles.update(firstId, first.withSlug(renamed));

        assertThatThrownBy(() -> articles.create(stories.form("Second").withSlug(renamed)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("slug");
        assertThatThrownBy(() -> articles.create(stories.form("Third").withSlug(first.slug())))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("slug");
    }

    @Test
    void everyBrokenRuleIsReportedAtOnceAndNothingIsSaved() {
        long before = articles.count();
        ArticleForm bad = stories.form(" ")
                .withSlug("Not A Slug!")
                .withStandfirst("x".repeat(ArticleForm.STANDFIRST_MAX + 1))
                .withBody("")
                .withSection("no-such-section")
                .withAuthors(List.of("nobody"))
                .withTags(List.of("no-such-tag"))
                .withImage(new LeadImage("javascript:alert(1)", "", null, null, -5, null));
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
        ArticleForm noAuthors = stories.form("No byline").withAuthors(List.of());
        assertThatThrownBy(() -> articles.create(noAuthors))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("author");
    }

    @Test
    void overlongHeadlineIsRefused() {
        ArticleForm form = stories.form("x".repeat(ArticleForm.HEADLINE_MAX + 1));
        assertThatThrownBy(() -> articles.create(form))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("headline");
    }

    @Test
    void unknownIdIsNotFound() {
        assertThatThrownBy(() -> workflow.publish(Long.MAX_VALUE, null)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> articles.update(Long.MAX_VALUE, stories.form("Ghost")))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void storyReferencesFollowTheTargetsHeadlineAndPermalink() {
        ArticleForm target = stories.form("Quake toll rises");
        long targetId = published(target);
        ArticleForm story = stories.form("Rescue teams arrive")
                .withSlug(Unique.slug("rescue-teams"))
                .withSection("asia")
                .withBody("Intro.\n\n[[related: " + target.slug() + "]]\n\nMore.\n\n[[read-more: " + targetId + "]]\n");
        ArticleSaved saved = articles.create(story);
        assertThat(saved.warnings()).isEmpty();
        workflow.publish(saved.id(), null);

        String newSlug = Unique.slug("quake-death-toll-climbs");
        articles.update(targetId, target.withSlug(newSlug).withHeadline("Quake death toll climbs"));

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
        ArticleForm draft = stories.form("Unfinished draft");
        articles.create(draft);
        ArticleForm story = stories.form("Story with bad refs")
                .withSlug(Unique.slug("with-bad-refs"))
                .withSection("asia")
                .withBody("Text.\n\n[[related: " + draft.slug() + "]]\n\n[[read-more: no-such-story-anywhere]]\n");
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
        ArticleForm minor = stories.form("Minor fix");
        articles.importPublished(minor, published, published.plus(Duration.ofMinutes(20)));
        ArticleForm major = stories.form("Major update");
        articles.importPublished(major, published, published.plus(Duration.ofHours(3)));

        assertThat(reader.findBySlug(minor.slug()).orElseThrow().updated()).isNull();
        assertThat(reader.findBySlug(major.slug()).orElseThrow().updated())
                .isNotNull()
                .extracting(d -> d.iso())
                .isEqualTo("2026-05-01T11:00:00Z");
    }

    @Test
    void notesAreKeptInDateOrder() {
        ArticleForm form = stories.form("Corrected story");
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
