package org.broadsheet.account;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * A staff member's role. Each role can do everything the one before it can, and more:
 * contributors write their own drafts and submit them for review; authors also publish their
 * own articles; editors edit and publish any article, moderate comments and keep sections
 * and tags; administrators also manage users and the site's settings.
 */
public enum Role {
    CONTRIBUTOR("Contributor", EnumSet.of(Permission.WRITE_OWN, Permission.UPLOAD_MEDIA)),
    AUTHOR("Author", with(CONTRIBUTOR, Permission.PUBLISH_OWN)),
    EDITOR(
            "Editor",
            with(
                    AUTHOR,
                    Permission.EDIT_ANY,
                    Permission.PUBLISH_ANY,
                    Permission.MODERATE_COMMENTS,
                    Permission.MANAGE_TAXONOMY,
                    Permission.MANAGE_MEDIA,
                    Permission.ADD_NOTES)),
    ADMINISTRATOR("Administrator", with(EDITOR, Permission.MANAGE_USERS, Permission.MANAGE_SETTINGS));

    private final String label;
    private final Set<Permission> permissions;

    Role(String label, Set<Permission> permissions) {
        this.label = label;
        this.permissions = permissions;
    }

    public String label() {
        return label;
    }

    public boolean can(Permission permission) {
        return permissions.contains(permission);
    }

    /** The name stored in the database and used in forms: {@code "editor"}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role with that key, or null for anything else. */
    public static Role fromKey(String key) {
        for (Role role : values()) {
            if (role.key().equals(key)) {
                return role;
            }
        }
        return null;
    }

    private static Set<Permission> with(Role base, Permission... more) {
        EnumSet<Permission> set = EnumSet.copyOf(base.permissions);
        set.addAll(Set.of(more));
        return set;
    }
}
