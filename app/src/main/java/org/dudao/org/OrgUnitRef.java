package org.dudao.org;

/** A light reference to a unit for other features: enough to check scope and label things. */
public record OrgUnitRef(Long id, String code, String name, OrgKind kind, Long parentId, String path) {}
