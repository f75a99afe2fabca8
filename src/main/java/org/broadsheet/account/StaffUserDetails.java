package org.broadsheet.account;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The principal kept in a staff session. It holds only the id and when the password last
 * changed: the role and everything else are read afresh on every request, so a changed role,
 * a disabled account or a new password take effect at once, on every node.
 */
record StaffUserDetails(
        long id, String email, String password, boolean enabled, Role role, long passwordChangedAtMillis)
        implements UserDetails, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
    }

    @Override
    public String getPassword() {
        return password;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    /** Who, for log lines (Spring Security's DEBUG lines print the principal): never the email. */
    @Override
    public String toString() {
        return "StaffUserDetails[id=" + id + ", role=" + role + ", enabled=" + enabled + "]";
    }

    /** What the session keeps: never the password hash. */
    StaffUserDetails withoutPassword() {
        return new StaffUserDetails(id, email, null, enabled, role, passwordChangedAtMillis);
    }
}
