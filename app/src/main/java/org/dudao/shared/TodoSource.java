package org.dudao.shared;

import java.util.List;

/**
 * What a feature contributes to the signed-in user's 待办: each feature declares a bean, so the start page lists
 * work of every feature without depending on them. Counts only what the current user may see and act on.
 */
public interface TodoSource {

    List<Todo> todos();
}
