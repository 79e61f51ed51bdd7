package org.dudao.user;

import java.util.List;
import org.dudao.shared.Role;

/** What other features ask of the users: who holds a role in a subtree (e.g. for their pickers). */
public interface Users {

    /**
     * Enabled users holding {@code role} at a node inside the subtree at {@code path} (e.g. the experts a project
     * owner may put in a group); the caller must be able to read that subtree.
     */
    List<RoleHolder> holders(Role role, String path);
}
