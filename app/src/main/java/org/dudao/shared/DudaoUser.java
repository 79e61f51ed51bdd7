package org.dudao.shared;

import java.io.Serial;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in user: identity plus its scoped role grants. Stored in the session, so kept small. */
public record DudaoUser(
        Long id,
        String username,
        String displayName,
        String passwordHash,
        boolean enabled,
        boolean locked,
        List<Grant> grants)
        implements UserDetails {

    @Serial
    private static final long serialVersionUID = 1L;

    public boolean hasRole(Role role) {
        return grants.stream().anyMatch(g -> g.role() == role);
    }

    public boolean hasAnyRole(Set<Role> roles) {
        return grants.stream().anyMatch(g -> roles.contains(g.role()));
    }

    /** True when a grant of one of {@code roles} covers the node at {@code path}. */
    public boolean can(Set<Role> roles, String path) {
        return grants.stream().anyMatch(g -> roles.contains(g.role()) && g.covers(path));
    }

    /**
     * True when a grant of one of {@code roles} sits at the root of the tree (or covers everything): for things
     * shared by the whole tree, such as the data item catalogue.
     */
    public boolean holdsAtRoot(Set<Role> roles) {
        return grants.stream()
                .anyMatch(g -> roles.contains(g.role())
                        && (g.path() == null
                                || g.path().chars().filter(c -> c == '/').count() == 2));
    }

    /** The paths of the subtrees this user may read; contains null when the whole tree is readable. */
    public List<String> readablePaths() {
        return grants.stream()
                .filter(g -> Role.STAFF.contains(g.role()))
                .map(Grant::path)
                .distinct()
                .toList();
    }

    public boolean readsEverything() {
        return readablePaths().contains(null);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return grants.stream()
                .map(g -> new SimpleGrantedAuthority("ROLE_" + g.role().name()))
                .distinct()
                .toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    /** Drops the password hash before the principal is kept in the session. */
    public DudaoUser withoutPassword() {
        return new DudaoUser(id, username, displayName, "", enabled, locked, grants);
    }
}
