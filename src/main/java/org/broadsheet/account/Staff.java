package org.broadsheet.account;

import org.springframework.security.access.AccessDeniedException;

/**
 * The signed-in staff member, as controllers see them: declare a {@code Staff} parameter on a
 * newsroom handler method and it is filled in from the session (see
 * {@link StaffArgumentResolver}). Checks throw {@link AccessDeniedException}, answered 403.
 *
 * @param authorId the byline this person writes under, or null
 */
public record Staff(long id, String email, String name, Role role, Long authorId) {

    public boolean can(Permission permission) {
        return role.can(permission);
    }

    /** Throws unless this person holds the permission. */
    public void require(Permission permission) {
        if (!can(permission)) {
            throw new AccessDeniedException(role.label() + "s may not do that");
        }
    }

    /**
     * Whether this person may act on something owned by {@code ownerId} (an article's creator,
     * an upload's uploader) with the "own" permission, or on anything with the "any" one.
     */
    public boolean can(Permission own, Permission any, Long ownerId) {
        return can(any) || can(own) && ownerId != null && ownerId == id;
    }

    public void require(Permission own, Permission any, Long ownerId) {
        if (!can(own, any, ownerId)) {
            throw new AccessDeniedException(role.label() + "s may not do that to someone else's work");
        }
    }
}
