package org.broadsheet.newsroom;

import java.util.List;
import org.broadsheet.web.DisplayDate;
import org.jspecify.annotations.Nullable;

/**
 * Your API tokens: the ones that work, the form for a new one, and a token just made (shown
 * only on the page that answers its creation, never again).
 *
 * @param created the token just made, or null
 */
public record ApiTokensView(
        List<Token> tokens, StaffForm form, @Nullable String created) {

    /** One token as listed; never its secret. */
    public record Token(
            long id,
            String name,
            DisplayDate created,
            @Nullable DisplayDate lastUsed) {}
}
