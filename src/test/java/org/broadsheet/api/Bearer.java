package org.broadsheet.api;

import org.broadsheet.account.ApiTokens;
import org.broadsheet.account.Role;
import org.broadsheet.testkit.StaffMembers;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Sends an API token with a test's request, as {@code Authorization: Bearer …}. */
final class Bearer {

    private Bearer() {}

    static RequestPostProcessor token(String token) {
        return request -> {
            request.addHeader("Authorization", "Bearer " + token);
            return request;
        };
    }

    /** A token of a new staff member of this role. */
    static RequestPostProcessor of(StaffMembers staff, ApiTokens tokens, Role role) {
        return token(tokens.create(staff.create(role).staff(), "Test " + role.key()));
    }
}
