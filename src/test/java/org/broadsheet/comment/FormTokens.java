package org.broadsheet.comment;

import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * The comment form's signed token for test fixtures outside this package ({@link CommentTokens}
 * is the package's own): what the article page puts in the form's {@code token} field.
 */
@Component
public class FormTokens {

    private final CommentTokens tokens;

    FormTokens(CommentTokens tokens) {
        this.tokens = tokens;
    }

    /** The token of article {@code articleId}'s form as if shown at {@code shownAt}. */
    public String issue(long articleId, Instant shownAt) {
        return tokens.issue(articleId, shownAt);
    }
}
