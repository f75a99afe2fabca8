package org.broadsheet.account;

import java.time.Instant;

/**
 * A staff member as the users page sees them. The password hash never leaves this package.
 *
 * @param authorId the byline this person writes under, or null
 */
public record StaffAccount(
        long id, String email, String name, Role role, Long authorId, boolean enabled, Instant createdAt) {

    public Staff staff() {
        return new Staff(id, email, name, role, authorId);
    }
}
