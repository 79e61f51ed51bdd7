package org.dudao.collection.internal;

import org.dudao.org.OrgUnitRef;
import org.dudao.shared.Access;
import org.dudao.shared.ForbiddenException;
import org.dudao.shared.Role;

/**
 * Who may do what in data collection, on top of {@link Access}'s scope check: data entry fills in a unit's
 * data, reviewers hold a reviewing role at an ancestor of the unit (the township clerk reviews its schools).
 */
public final class CollectionRoles {

    private CollectionRoles() {}

    public static boolean canWrite(OrgUnitRef unit) {
        return Access.can(Role.DATA_ENTRY, unit.path());
    }

    public static void requireWrite(OrgUnitRef unit) {
        Access.requireRole(unit.path(), Role.DATA_ENTRY, "org unit " + unit.code());
    }

    /** A reviewer holds a reviewing role at one of the unit's ancestors, not at the unit itself. */
    public static boolean canReview(OrgUnitRef unit) {
        String parent = parentPath(unit.path());
        return parent != null && Access.can(Role.DATA_REVIEW, parent);
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
