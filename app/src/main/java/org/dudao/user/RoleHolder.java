package org.dudao.user;

import java.util.List;
import org.dudao.shared.Grant;

/** A user holding a role inside some subtree, with all their grants, for the pickers of other features. */
public record RoleHolder(String username, String displayName, List<Grant> grants) {}
