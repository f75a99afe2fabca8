package org.broadsheet.api;

import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.broadsheet.access.ArticleAccess;
import org.broadsheet.article.ArticleDesk;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.article.ArticleWorkflow;
import org.broadsheet.article.EditableArticle;
import org.broadsheet.article.NoteKind;
import org.broadsheet.web.ValidationException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Moving an article through its workflow with a token: submit for review, publish now,
 * schedule, unpublish, and corrections or update notes, each the {@link ArticleWorkflow} call the
 * newsroom makes. The role is checked with {@link ArticleAccess} (403); a move the article's
 * status does not allow is the workflow's 422 on {@code status}, and nothing changes. Each
 * answers the article as its editors now hold it.
 */
@RestController
@SecurityRequirement(name = ApiConfiguration.BEARER)
record ArticleStatusApi(ArticleWorkflow workflow, ArticleDesk desk, ApiViews views) {

    /** When to publish: ISO-8601 with an offset, in the future. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Schedule(@Nullable String publishAt) {}

    /** A dated note: {@code kind} is "correction" or "update". */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record NewNote(@Nullable String kind, @Nullable String text) {}

    @PostMapping(ApiPaths.ARTICLE_SUBMIT)
    ApiJson.Source submit(TokenHolder holder, @PathVariable String id) {
        EditableArticle article = article(id);
        ArticleAccess.require(ArticleAccess.of(holder.staff(), article).edit(), "submit");
        workflow.submitForReview(article.id());
        return now(article);
    }

    @PostMapping(ApiPaths.ARTICLE_PUBLISH)
    ApiJson.Source publish(TokenHolder holder, @PathVariable String id) {
        EditableArticle article = article(id);
        ArticleAccess.require(ArticleAccess.of(holder.staff(), article).publish(), "publish");
        workflow.publish(article.id(), null);
        return now(article);
    }

    @PostMapping(path = ApiPaths.ARTICLE_SCHEDULE, consumes = MediaType.APPLICATION_JSON_VALUE)
    ApiJson.Source schedule(TokenHolder holder, @PathVariable String id, @RequestBody Schedule body) {
        EditableArticle article = article(id);
        ArticleAccess.require(ArticleAccess.of(holder.staff(), article).publish(), "schedule");
        Instant at = instant(body.publishAt());
        ArticleWritesApi.inApiTerms(() -> {
            workflow.schedule(article.id(), at);
            return at;
        });
        return now(article);
    }

    /** Allowed to whoever may publish it; a draft is the workflow's 422, not a 403. */
    @PostMapping(ApiPaths.ARTICLE_UNPUBLISH)
    ApiJson.Source unpublish(TokenHolder holder, @PathVariable String id) {
        EditableArticle article = article(id);
        ArticleAccess.require(ArticleAccess.of(holder.staff(), article).publish(), "unpublish");
        workflow.unpublish(article.id());
        return now(article);
    }

    @PostMapping(path = ApiPaths.ARTICLE_NOTES, consumes = MediaType.APPLICATION_JSON_VALUE)
    ApiJson.Source addNote(TokenHolder holder, @PathVariable String id, @RequestBody NewNote body) {
        EditableArticle article = article(id);
        // The matrix allows notes only on published articles; asked as if published, it says whether
        // the role may add notes at all, so that a draft is the workflow's 422 rather than a 403.
        ArticleAccess.require(
                ArticleAccess.of(holder.staff(), ArticleStatus.PUBLISHED, article.createdBy())
                        .notes(),
                "add notes to");
        NoteKind kind = switch (body.kind() == null ? "" : body.kind()) {
            case "correction" -> NoteKind.CORRECTION;
            case "update" -> NoteKind.UPDATE;
            default -> throw ValidationException.of("kind", "Give \"correction\" or \"update\"");
        };
        ArticleWritesApi.inApiTerms(() -> {
            workflow.addNote(article.id(), kind, body.text(), null);
            return kind;
        });
        return now(article);
    }

    private EditableArticle article(String id) {
        return desk.forEditing(ApiPaths.articleId(id));
    }

    private ApiJson.Source now(EditableArticle before) {
        return views.source(desk.forEditing(before.id()), List.of());
    }

    /** An ISO-8601 time with its offset; a 422 on {@code publish_at} otherwise. */
    private static Instant instant(@Nullable String value) {
        try {
            return OffsetDateTime.parse(value == null ? "" : value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw ValidationException.of(
                    "publish_at", "Give an ISO-8601 date and time with an offset, such as 2026-12-01T06:00:00Z");
        }
    }
}
