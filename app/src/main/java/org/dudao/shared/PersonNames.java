package org.dudao.shared;

import java.util.Collection;
import java.util.Map;

/**
 * The names people go by, for screens that would otherwise show logins (expert groups, the audit log). Lives here
 * so features below {@code user} (audit) can show names without depending on it.
 */
public interface PersonNames {

    /** Display names by username for those of {@code usernames} that are users; others are left out. */
    Map<String, String> of(Collection<String> usernames);
}
