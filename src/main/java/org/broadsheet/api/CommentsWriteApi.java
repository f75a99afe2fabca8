package org.broadsheet.api;

import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.broadsheet.account.Permission;
import org.broadsheet.comment.CommentAction;
import org.broadsheet.comment.CommentForm;
import org.broadsheet.comment.CommentRefused;
import org.broadsheet.comment.CommentService;
import org.broadsheet.comment.Visitor;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Comments written through the API: a reader's comment (no token, the very call the reader
 * site's form makes, so its holds, flood limits and duplicate check apply), and moderation
 * (approve, spam, trash) with the token of someone who may moderate.
 */
@RestController
record CommentsWriteApi(CommentService comments) {

    /** A reader's comment; {@code email} is required as on the form, and never shown by the API. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record NewComment(
            @Nullable String name,
            @Nullable String email,
            @Nullable String website,
            @Nullable String text,
            @Nullable Long parentId) {}

    /** Where a posted comment went: {@code approved}, {@code pending} (held) or {@code spam}. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Posted(long id, String status) {}

    @PostMapping(ApiPaths.ARTICLE_COMMENTS)
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Posted> post(@PathVariable long id, @RequestBody NewComment body, HttpServletRequest request) {
        var form = new CommentForm(body.name(), body.email(), body.website(), body.text(), body.parentId());
        var visitor = new Visitor(request.getRemoteAddr(), request.getHeader(HttpHeaders.USER_AGENT));
        try {
            var posted = comments.post(id, form, visitor);
            return ResponseEntity.status(HttpStatus.CREATED)
                    .body(new Posted(posted.id(), posted.status().name().toLowerCase(Locale.ROOT)));
        } catch (CommentRefused.Flood flood) {
            throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, flood.getMessage(), List.of())
                    .retryAfter(flood.retryAfter());
        } catch (CommentRefused.Duplicate duplicate) {
            throw new ApiException(HttpStatus.CONFLICT, duplicate.getMessage(), List.of());
        } catch (CommentRefused refused) {
            throw new ApiException(HttpStatus.FORBIDDEN, refused.getMessage(), List.of());
        }
    }

    @PostMapping(ApiPaths.COMMENT_MODERATION)
    @SecurityRequirement(name = ApiConfiguration.BEARER)
    ResponseEntity<Void> moderate(TokenHolder holder, @PathVariable long id, @PathVariable String action) {
        holder.staff().require(Permission.MODERATE_COMMENTS);
        CommentAction what = switch (action) {
            case "approve" -> CommentAction.APPROVE;
            case "spam" -> CommentAction.SPAM;
            case "trash" -> CommentAction.TRASH;
            default -> throw ApiException.notFound("The API has nothing at this address");
        };
        comments.apply(what, id);
        return ResponseEntity.noContent().build();
    }
}
