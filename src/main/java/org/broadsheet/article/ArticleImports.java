package org.broadsheet.article;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.broadsheet.web.ValidationException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Brings in many new articles at once (the WordPress import). Each is checked by the rules
 * every save meets ({@link ArticleChecks}) and rendered as {@link ArticleService} renders it;
 * those that pass are written together, a few statements for all of them
 * ({@link ImportRepository}), each with its revision 1 as {@link ArticleService#create} or
 * {@link ArticleService#importPublished} would have made it. Instead of an event per article,
 * one {@link ArticleEvents.ArticlesImported} for the call (and an
 * {@link ArticleEvents.ArticleScheduled} for each scheduled one, for the scheduler).
 */
@Service
public class ArticleImports {

    /** Where an imported article arrives in its life. */
    public enum Arrival {
        /** A draft, as {@link ArticleService#create}. */
        DRAFT,
        /** A draft submitted for review. */
        IN_REVIEW,
        /** Created, then published at its time ({@link ArticleWorkflow#publish}): scheduled while that is ahead. */
        SCHEDULED,
        /** Published elsewhere already, as {@link ArticleService#importPublished}. */
        PUBLISHED,
        /** As {@link #PUBLISHED}, then taken down. */
        UNPUBLISHED
    }

    /**
     * One article to bring in.
     *
     * @param publishedAt its publication time (needed but for drafts and reviews)
     * @param updatedAt   its last change, for {@code PUBLISHED} and {@code UNPUBLISHED} (null: publication)
     */
    public record Incoming(
            ArticleForm form,
            Arrival arrival,
            @Nullable Instant publishedAt,
            @Nullable Instant updatedAt,
            @Nullable Prerendered prerendered) {

        public Incoming(ArticleForm form, Arrival arrival, @Nullable Instant publishedAt, @Nullable Instant updatedAt) {
            this(form, arrival, publishedAt, updatedAt, null);
        }

        /** This article, its body rendered already ({@link #prerender}); used only if the body is that one. */
        public Incoming withPrerendered(@Nullable Prerendered body) {
            return new Incoming(form, arrival, publishedAt, updatedAt, body);
        }
    }

    /**
     * A body rendered ahead of the import that writes it ({@link #prerender}), on whatever thread
     * has time: rendering is most of the cost of checking an article, and the import's writer
     * waits for it otherwise. Only this class makes one, from the renderer's own output.
     */
    public static final class Prerendered {

        private final String markdown;
        private final @Nullable RenderedBody body;

        private Prerendered(String markdown, @Nullable RenderedBody body) {
            this.markdown = markdown;
            this.body = body;
        }

        /** The Markdown this is the rendering of. */
        public String markdown() {
            return markdown;
        }

        /**
         * The sanitised HTML readers will see, when the body names no other story (a reference
         * becomes a marker the article page fills in); else null.
         */
        public @Nullable String plainHtml() {
            return body != null
                            && body.references().isEmpty()
                            && body.warnings().isEmpty()
                    ? body.html()
                    : null;
        }
    }

    /**
     * Renders {@code markdown} as {@link #importAll} would, assuming that each article id its
     * references name exists (checked when it is written: if one does not, the body is
     * rendered again then). A body whose references name articles by slug is left to be
     * rendered then, when they can be looked up. Needs no database; thread-safe.
     */
    public Prerendered prerender(String markdown) {
        boolean[] bySlug = {false};
        RenderedBody body = renderer.render(markdown, ref -> {
            if (!ref.isId() || ref.key().length() > 18) {
                bySlug[0] = true;
                return Optional.empty();
            }
            return Optional.of(Long.parseLong(ref.key()));
        });
        return new Prerendered(markdown, bySlug[0] ? null : body);
    }

    /** The id of the article made, or why it was refused ({@link ValidationException}). */
    public record Outcome(@Nullable Long id, @Nullable RuntimeException refusal) {}

    /** An article checked and rendered, ready to write. */
    record Checked(
            ArticleForm form,
            ArticleChecks.Resolved resolved,
            RenderedBody body,
            ArticleStatus status,
            @Nullable Instant publishedAt,
            Instant updatedAt,
            RevisionKind revision) {}

    private final ArticleChecks checks;
    private final ArticleService service;
    private final BodyRenderer renderer;
    private final ImportRepository repository;
    private final Revisions revisions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ArticleImports(
            ArticleChecks checks,
            ArticleService service,
            BodyRenderer renderer,
            ImportRepository repository,
            Revisions revisions,
            ApplicationEventPublisher events,
            Clock clock) {
        this.checks = checks;
        this.service = service;
        this.renderer = renderer;
        this.repository = repository;
        this.revisions = revisions;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Checks and writes {@code incoming}, in the caller's transaction; returns an outcome for
     * each, in order. An article the checks refuse is left out and the others are written; an
     * error of the database (a slug taken meanwhile) is thrown, and the caller's transaction
     * should then be rolled back.
     */
    @Transactional
    public List<Outcome> importAll(List<Incoming> incoming) {
        Instant now = clock.instant();
        List<Outcome> outcomes = new ArrayList<>();
        List<Checked> accepted = new ArrayList<>();
        Set<String> slugs = new HashSet<>();
        ArticleChecks.Names names =
                checks.prefetched(incoming.stream().map(Incoming::form).toList());
        java.util.function.LongPredicate exists = existence(incoming);
        for (Incoming article : incoming) {
            try {
                Checked c = check(article, now, names, exists);
                if (!slugs.add(c.resolved().slug())) {
                    throw ArticleChecks.slugTaken(c.resolved().slug());
                }
                accepted.add(c);
                outcomes.add(new Outcome(-1L, null));
            } catch (ValidationException e) {
                outcomes.add(new Outcome(null, e));
            }
        }
        List<Long> ids = repository.write(
                accepted,
                a -> revisions.toJson(
                        ArticleService.stored(a.form(), a.resolved().slug())),
                now);
        announce(accepted, ids);
        int next = 0;
        for (int i = 0; i < outcomes.size(); i++) {
            if (outcomes.get(i).refusal() == null) {
                outcomes.set(i, new Outcome(ids.get(next++), null));
            }
        }
        return outcomes;
    }

    /**
     * How many stories wait for their search vectors: written by an import and not yet indexed
     * by the site's catch-up ({@code search.SearchCatchUp}).
     */
    public long waitingForSearch() {
        return repository.waitingForSearch();
    }

    /** The articles that use or used each of {@code slugs} (one query; slugs no article has are left out). */
    public java.util.Map<String, Long> slugOwners(java.util.Collection<String> slugs) {
        return repository.findIdsBySlugs(slugs);
    }

    /** Whether an article id the bodies' references name is an article: one query for the batch. */
    private java.util.function.LongPredicate existence(List<Incoming> incoming) {
        Set<Long> referenced = new HashSet<>();
        incoming.forEach(a -> BodyRenderer.referencedIds(
                        a.form().body() == null ? "" : a.form().body())
                .forEach(referenced::add));
        Set<Long> existing = repository.existing(referenced);
        return id -> existing.contains(id)
                || !referenced.contains(id) && !repository.existing(List.of(id)).isEmpty();
    }

    private Checked check(
            Incoming article, Instant now, ArticleChecks.Names names, java.util.function.LongPredicate exists) {
        ArticleForm form = checks.withLibraryImage(article.form(), null);
        ArticleChecks.Resolved resolved = checks.validate(form, null, names);
        RenderedBody body = rendered(form.body(), article.prerendered(), exists);
        Instant at = article.publishedAt();
        return switch (article.arrival()) {
            case DRAFT -> new Checked(form, resolved, body, ArticleStatus.DRAFT, null, now, RevisionKind.CREATED);
            case IN_REVIEW ->
                new Checked(form, resolved, body, ArticleStatus.IN_REVIEW, null, now, RevisionKind.CREATED);
            case SCHEDULED ->
                new Checked(
                        form,
                        resolved,
                        body,
                        required(at).isAfter(now) ? ArticleStatus.SCHEDULED : ArticleStatus.PUBLISHED,
                        at,
                        now,
                        RevisionKind.CREATED);
            case PUBLISHED, UNPUBLISHED ->
                new Checked(
                        form,
                        resolved,
                        body,
                        article.arrival() == Arrival.PUBLISHED ? ArticleStatus.PUBLISHED : ArticleStatus.UNPUBLISHED,
                        required(at),
                        Optional.ofNullable(article.updatedAt()).orElse(at),
                        RevisionKind.IMPORTED);
        };
    }

    /** The body rendered ahead, when it is this body and every article it names exists; else rendered now. */
    private RenderedBody rendered(
            String markdown, @Nullable Prerendered ahead, java.util.function.LongPredicate exists) {
        if (ahead != null
                && ahead.body != null
                && ahead.markdown.equals(markdown)
                && ahead.body.references().stream().allMatch(r -> exists.test(r.targetId()))) {
            return ahead.body;
        }
        return service.render(markdown, null, exists);
    }

    private static Instant required(@Nullable Instant at) {
        if (at == null) {
            throw new IllegalArgumentException("A publication time is needed");
        }
        return at;
    }

    private void announce(List<Checked> written, List<Long> ids) {
        if (written.isEmpty()) {
            return;
        }
        for (int i = 0; i < written.size(); i++) {
            Checked c = written.get(i);
            if (c.status() == ArticleStatus.SCHEDULED && c.publishedAt() != null) {
                events.publishEvent(new ArticleEvents.ArticleScheduled(ids.get(i), c.publishedAt()));
            }
        }
        events.publishEvent(new ArticleEvents.ArticlesImported());
    }
}
