package org.dudao.user.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.dudao.org.OrgUnitRef;
import org.dudao.org.OrgUnits;
import org.dudao.shared.DudaoUser;
import org.dudao.shared.Grant;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Loads a user with its grants resolved to org paths, which is all a scope check needs. */
@Service
class UserLoader implements UserDetailsService {

    private final AppUserRepository users;
    private final OrgUnits orgUnits;
    private final Clock clock;

    UserLoader(AppUserRepository users, OrgUnits orgUnits, Clock clock) {
        this.users = users;
        this.orgUnits = orgUnits;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        return users.findByUsername(username)
                .map(this::toPrincipal)
                .orElseThrow(() -> new UsernameNotFoundException(username));
    }

    DudaoUser toPrincipal(AppUser user) {
        return new DudaoUser(
                user.getId(),
                user.getUsername(),
                user.getDisplayName(),
                user.getPasswordHash(),
                user.isEnabled(),
                user.isLocked(Instant.now(clock)),
                grants(user));
    }

    List<Grant> grants(AppUser user) {
        Set<Long> ids = user.getGrants().stream()
                .map(RoleGrant::getOrgUnitId)
                .filter(id -> id != null)
                .collect(Collectors.toSet());
        Map<Long, OrgUnitRef> refs = orgUnits.refs(ids);
        return user.getGrants().stream()
                .filter(g -> g.getOrgUnitId() == null || refs.containsKey(g.getOrgUnitId()))
                .map(g -> new Grant(
                        g.getRole(),
                        g.getOrgUnitId(),
                        g.getOrgUnitId() == null
                                ? null
                                : refs.get(g.getOrgUnitId()).path()))
                .toList();
    }
}
