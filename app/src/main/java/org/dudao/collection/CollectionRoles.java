package org.dudao.collection;

import java.util.EnumSet;
import java.util.Set;
import org.dudao.org.OrgUnitRef;
import org.dudao.shared.Access;
import org.dudao.shared.ForbiddenException;
import org.dudao.shared.Role;

/**
 * Who may do what in data collection, on top of {@link Access}'s scope check: writers fill in a unit's data,
 * reviewers hold a role at an ancestor of the unit (the township clerk reviews its schools), issuers send
 * tasks from their node.
 */
public final class CollectionRoles {

    public static final Set<Role> WRITERS = EnumSet.of(Role.ADMIN, Role.DIRECTOR, Role.CLERK, Role.HEAD);
    public static final Set<Role> REVIEWERS = EnumSet.of(Role.ADMIN, Role.DIRECTOR, Role.CLERK);
    public static final Set<Role> ISSUERS = EnumSet.of(Role.ADMIN, Role.DIRECTOR);

    private CollectionRoles() {}

    public static boolean canWrite(OrgUnitRef unit) {
        return Access.currentUser().can(WRITERS, unit.path());
    }

    public static void requireWrite(OrgUnitRef unit) {
        Access.requireRole(unit.path(), WRITERS, "org unit " + unit.code());
    }

    /** A reviewer holds a reviewing role at one of the unit's ancestors, not at the unit itself. */
    public static boolean canReview(OrgUnitRef unit) {
        String parent = parentPath(unit.path());
        return parent != null && Access.currentUser().can(REVIEWERS, parent);
    }

    public static void requireReview(OrgUnitRef unit) {
        Access.requireRead(unit.path(), "org unit " + unit.code());
        if (!canReview(unit)) {
            throw new ForbiddenException("collection.error.not-reviewer");
        }
    }

    static String parentPath(String path) {
        int end = path.lastIndexOf('/', path.length() - 2);
        return end <= 0 ? null : path.substring(0, end + 1);
    }
}
