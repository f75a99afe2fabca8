package org.broadsheet.api;

import jakarta.servlet.http.HttpServletRequest;
import org.broadsheet.account.Staff;
import org.jspecify.annotations.Nullable;

/**
 * The staff member whose API token authenticated this request, as they are now (role included).
 * A handler that declares a {@code TokenHolder} parameter needs a token: without one the client
 * gets 401 with {@code WWW-Authenticate: Bearer}. {@link ApiTokenFilter} finds it; no cookie ever does.
 */
record TokenHolder(Staff staff) {

    static final String ATTRIBUTE = TokenHolder.class.getName();

    /** The holder of the token this request carries, or null for an anonymous request. */
    static @Nullable TokenHolder of(HttpServletRequest request) {
        return (TokenHolder) request.getAttribute(ATTRIBUTE);
    }
}
