package org.broadsheet.article;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.broadsheet.media.MediaItem;
import org.broadsheet.media.MediaLibrary;
import org.broadsheet.web.Dates;
import org.broadsheet.web.NotFoundException;
import org.broadsheet.web.ResultPage;
import org.broadsheet.web.SiteUrls;
import org.springframework.stereotype.Service;

/**
 * What the newsroom reads about articles: the article list, the dashboard's lists, an article
 * as the editor opens it, its revisions and their differences, autosaves, previews and the
 * story-reference picker. Every article, whatever its status, for staff only; who may see
 * what is the newsroom's to decide. Writes go through {@link ArticleService}.
 */
@Service
public class ArticleDesk {

    private final ArticleRepository articles;
    private final WorkflowRepository workflow;
    private final RevisionRepository revisionStore;
    private final Revisions revisions;
    private final ArticleService service;
    private final ArticleReader reader;
    private final Dates dates;
    private final SiteUrls urls;
    private final Clock clock;
    private final MediaLibrary media;

    ArticleDesk(
            ArticleRepository articles,
            WorkflowRepository workflow,
            RevisionRepository revisionStore,
            Revisions revisions,
            ArticleService service,
            ArticleReader reader,
            Dates dates,
            SiteUrls urls,
            Clock clock,
            MediaLibrary media) {
        this.media = media;
        this.articles = articles;
        this.workflow = workflow;
        this.revisionStore = revisionStore;
        this.revisions = revisions;
        this.service = service;
        this.reader = reader;
        this.dates = dates;
        this.urls = urls;
        this.clock = clock;
    }

    // ---- lists

    /** Page {@code page} (from 1) of the articles {@code filter} lets through, most recently changed first. */
    public ResultPage<ArticleSummary> list(ArticleFilter filter, int page, int pageSize) {
        List<ArticleSummary> rows = summaries(workflow.find(filter, pageSize, (long) (page - 1) * pageSize));
        return new ResultPage<>(rows, workflow.count(filter), page, pageSize);
    }

    /** Dashboard: the drafts {@code staffId} created, most recently changed first. */
    public List<ArticleSummary> draftsOf(long staffId, int limit) {
        return summaries(workflow.findOwned(staffId, ArticleStatus.DRAFT, limit));
    }

    /** Dashboard: the articles {@code staffId} created that wait for review, most recently changed first. */
    public List<ArticleSummary> inReviewOf(long staffId, int limit) {
        return summaries(workflow.findOwned(staffId, ArticleStatus.IN_REVIEW, limit));
    }

    /** Dashboard: articles submitted for review, the longest waiting first. */
    public List<ArticleSummary> inReview(int limit) {
        return summaries(workflow.findInReview(limit));
    }

    /** Dashboard: scheduled articles, the next to be published first. */
    public List<ArticleSummary> scheduled(int limit) {
        return summaries(workflow.findScheduled(limit));
    }

    /** Dashboard: articles readers can see, the most recently published first. */
    public List<ArticleSummary> recentlyPublished(int limit) {
        return summaries(workflow.findRecentlyPublished(limit));
    }

    /**
     * The story-reference picker: articles whose headline or slug contains {@code text}
     * (case-insensitive), public ones first, then the newest. Empty for blank text.
     */
    public List<ArticleSummary> lookup(String text, int limit) {
        return text == null || text.isBlank() ? List.of() : summaries(workflow.lookup(text, limit));
    }

    /** One article as lists show it; empty for an unknown id. */
    public Optional<ArticleSummary> summary(long id) {
        return workflow.findListed(id).map(this::summary);
    }

    // ---- the editor

    /** The article as the editor opens it. Throws {@link NotFoundException} for an unknown id. */
    public EditableArticle forEditing(long id) {
        ArticleRow row = articles.findById(id).orElseThrow(() -> new NotFoundException("No article " + id));
        WorkflowRepository.Ownership owner = workflow.ownership(id).orElseThrow();
        ArticleForm form = new ArticleForm(
                row.slug(),
                row.headline(),
                row.standfirst(),
                row.bodyMarkdown(),
                row.sectionSlug(),
                row.authorSlugs(),
                row.tagSlugs(),
                row.image());
        var notes = row.notes().stream()
                .map(n -> new ArticleView.Note(n.kind(), dates.of(n.notedAt()), n.body()))
                .toList();
        boolean visible =
                row.status() == ArticleStatus.PUBLISHED && !row.publishedAt().isAfter(clock.instant());
        return new EditableArticle(
                id,
                form,
                row.status(),
                owner.version(),
                owner.createdBy(),
                row.publishedAt() == null ? null : dates.of(row.publishedAt()),
                dates.of(row.updatedAt()),
                row.commentsOpen(),
                notes,
                visible ? urls.article(row.sectionSlug(), row.publishedAt(), row.slug()) : null);
    }

    /**
     * {@code staffId}'s autosave of the article, when it holds something the current version
     * does not. One made before someone else's later save is offered too (its base version is
     * then older): it is still that person's unsaved work.
     */
    public Optional<Autosave> autosave(long id, long staffId) {
        return revisionStore.findAutosave(id, staffId).flatMap(row -> {
            ArticleForm typed = revisions.fromJson(row.content());
            ArticleForm current = workflow.ownership(id)
                    .flatMap(o -> revisionStore.find(id, o.version()))
                    .map(rev -> revisions.fromJson(rev.content()))
                    .orElse(null);
            boolean differs =
                    current == null || !revisions.changes(current, typed).isEmpty();
            return differs
                    ? Optional.of(new Autosave(typed, row.baseVersion(), dates.of(row.savedAt())))
                    : Optional.empty();
        });
    }

    /**
     * {@code staffId}'s autosave of a new article they have not saved yet ("Write a new
     * article" offers it back), with base version 0.
     */
    public Optional<Autosave> newArticleAutosave(long staffId) {
        return revisionStore
                .findNewAutosave(staffId)
                .map(row -> new Autosave(revisions.fromJson(row.content()), 0, dates.of(row.savedAt())));
    }

    /**
     * Renders a headline, standfirst and Markdown body as the article page would, without
     * saving anything. {@code articleId} is the article being edited (a reference to itself
     * is dropped, as on save), or null for a new one.
     */
    public ArticlePreview preview(String headline, String standfirst, String body, Long articleId) {
        RenderedBody rendered = service.render(body, articleId);
        return new ArticlePreview(
                headline == null ? "" : headline.strip(),
                standfirst == null ? "" : standfirst.strip(),
                reader.body(rendered.html()),
                service.warnings(rendered));
    }

    // ---- revisions

    /** Every revision of the article, the newest first. Throws {@link NotFoundException} for an unknown id. */
    public List<RevisionSummary> revisions(long id) {
        List<RevisionRepository.RevisionRow> rows = revisionStore.list(id);
        if (rows.isEmpty() && !articles.exists(id)) {
            throw new NotFoundException("No article " + id);
        }
        return rows.stream().map(this::revisionSummary).toList();
    }

    /** Revision {@code number}'s content as its form. Throws {@link NotFoundException} when there is none. */
    public ArticleForm revision(long id, int number) {
        return revisions.fromJson(row(id, number).content());
    }

    /**
     * What changed from revision {@code from} to revision {@code to} of the article (either
     * order). Throws {@link NotFoundException} when either does not exist.
     */
    public RevisionDiff compare(long id, int from, int to) {
        RevisionRepository.RevisionRow before = row(id, from);
        RevisionRepository.RevisionRow after = row(id, to);
        ArticleForm old = revisions.fromJson(before.content());
        ArticleForm changed = revisions.fromJson(after.content());
        return new RevisionDiff(
                revisionSummary(before), revisionSummary(after), revisions.diff(old, changed, filenames(old, changed)));
    }

    /** The upload names of the library images the forms use, by id (images deleted since are left out). */
    private Map<Long, String> filenames(ArticleForm... forms) {
        Map<Long, String> names = new HashMap<>();
        Stream.of(forms)
                .map(ArticleForm::image)
                .filter(Objects::nonNull)
                .filter(LeadImage::hasMediaId)
                .map(LeadImage::mediaId)
                .distinct()
                .forEach(mediaId ->
                        media.findById(mediaId).map(MediaItem::filename).ifPresent(name -> names.put(mediaId, name)));
        return names;
    }

    private RevisionRepository.RevisionRow row(long id, int number) {
        return revisionStore
                .find(id, number)
                .orElseThrow(() -> new NotFoundException("No revision " + number + " of article " + id));
    }

    // ---- mapping

    private RevisionSummary revisionSummary(RevisionRepository.RevisionRow row) {
        return new RevisionSummary(
                row.number(),
                dates.of(row.at()),
                row.staffId(),
                row.staffName(),
                row.kind(),
                row.restoredFrom(),
                row.changes(),
                row.headline());
    }

    private List<ArticleSummary> summaries(List<WorkflowRepository.ListedRow> rows) {
        return rows.stream().map(this::summary).toList();
    }

    private ArticleSummary summary(WorkflowRepository.ListedRow row) {
        return new ArticleSummary(
                row.id(),
                row.slug(),
                row.headline(),
                row.status(),
                row.sectionName(),
                row.authorNames(),
                row.createdBy(),
                row.createdByName(),
                row.publishedAt() == null ? null : dates.of(row.publishedAt()),
                dates.of(row.updatedAt()),
                row.version(),
                row.visible() ? urls.article(row.sectionSlug(), row.publishedAt(), row.slug()) : null);
    }
}
