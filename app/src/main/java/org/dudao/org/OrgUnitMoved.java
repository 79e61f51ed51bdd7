package org.dudao.org;

/** A subtree moved: features that copy org paths (for scope filters) rewrite {@code oldPrefix} to {@code newPrefix}. */
public record OrgUnitMoved(Long orgUnitId, String oldPrefix, String newPrefix) {}
