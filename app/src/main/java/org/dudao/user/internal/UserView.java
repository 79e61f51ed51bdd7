package org.dudao.user.internal;

import java.util.List;

/** A user as administrators and the API see it (never the password hash). */
public record UserView(
        String username,
        String displayName,
        String phone,
        boolean enabled,
        boolean locked,
        boolean mustChangePassword,
        List<GrantView> grants,
        int version) {

    /** A role at a node; {@code orgUnit} is the node's code (null: the whole tree). */
    public record GrantView(String role, String orgUnit, String orgUnitName) {}
}
