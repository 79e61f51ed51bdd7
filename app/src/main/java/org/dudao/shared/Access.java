package org.dudao.shared;

import java.util.List;
import java.util.Set;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The one place where role and organisational scope are checked. Every service calls it before it reads or
 * writes data that belongs to an org node. Outside the user's scope a thing does not exist (404), so its
 * existence is not revealed; inside the scope without the right role the answer is 403.
 */
public final class Access {

    private Access() {}

    public static DudaoUser currentUser() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null
                || auth instanceof AnonymousAuthenticationToken
                || !(auth.getPrincipal() instanceof DudaoUser user)) {
            throw new ForbiddenException("error.login-required");
        }
        return user;
    }

    /** The current user's name, or "system" outside a request (start-up, scheduler). */
    public static String currentUsername() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof DudaoUser user ? user.username() : "system";
    }

    /**
     * Runs {@code work} as the built-in "system" user with the whole tree in scope: for start-up seeding and
     * scheduled jobs, never for requests.
     */
    public static void runAsSystem(Runnable work) {
        var previous = SecurityContextHolder.getContext();
        DudaoUser system = new DudaoUser(
                0L, "system", "system", "", true, false, java.util.List.of(new Grant(Role.ADMIN, null, null)));
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new org.springframework.security.authentication.UsernamePasswordAuthenticationToken(
                system, null, system.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            work.run();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public static boolean canRead(String path) {
        return currentUser().can(Role.STAFF, path);
    }

    /** Read access to the node at {@code path}; otherwise the node "does not exist". */
    public static void requireRead(String path, String what) {
        if (!canRead(path)) {
            throw new NotFoundException(what);
        }
    }

    /**
     * Read access to something an org node owns and shares with its whole subtree (e.g. an evaluation scheme):
     * granted when the user's scope contains the owner, or when the user sits inside the owner's subtree.
     */
    public static boolean canReadInherited(String ownerPath) {
        return currentUser().grants().stream()
                .anyMatch(g -> Role.STAFF.contains(g.role())
                        && (g.covers(ownerPath)
                                || (g.path() != null
                                        && ownerPath != null
                                        && g.path().startsWith(ownerPath))));
    }

    /** {@link #canReadInherited}, otherwise the thing "does not exist". */
    public static void requireReadInherited(String ownerPath, String what) {
        if (!canReadInherited(ownerPath)) {
            throw new NotFoundException(what);
        }
    }

    /** Acting on the node at {@code path} with one of {@code roles}. */
    public static void requireRole(String path, Set<Role> roles, String what) {
        requireRead(path, what);
        if (!currentUser().can(roles, path)) {
            throw new ForbiddenException("error.forbidden");
        }
    }

    /** The current user holds one of {@code roles} at a node covering {@code path}. */
    public static boolean can(Set<Role> roles, String path) {
        return currentUser().can(roles, path);
    }

    /** The current user holds one of {@code roles} somewhere (to decide which buttons a screen offers). */
    public static boolean holdsAny(Set<Role> roles) {
        return currentUser().hasAnyRole(roles);
    }

    /** The current user holds one of {@code roles} at the root: for things the whole tree shares. */
    public static boolean holdsAtRoot(Set<Role> roles) {
        return currentUser().holdsAtRoot(roles);
    }

    /** The paths of the nodes where the current user holds one of {@code roles}; null stands for the whole tree. */
    public static List<String> pathsWith(Set<Role> roles) {
        return currentUser().grants().stream()
                .filter(g -> roles.contains(g.role()))
                .map(Grant::path)
                .distinct()
                .toList();
    }

    /**
     * The subtrees where the current user holds one of {@code roles}, as path prefixes ("/" for the whole tree),
     * without those inside another: counting under each of them counts nothing twice.
     */
    public static List<String> outermostPathsWith(Set<Role> roles) {
        List<String> all = pathsWith(roles).stream()
                .map(p -> p == null ? "/" : p)
                .distinct()
                .toList();
        return all.stream()
                .filter(p -> all.stream().noneMatch(o -> !o.equals(p) && p.startsWith(o)))
                .toList();
    }

    /** The current user's role grants, for rules that look at the role held at a particular node. */
    public static List<Grant> grants() {
        return currentUser().grants();
    }
}
