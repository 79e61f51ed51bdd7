package org.dudao.evaluation.internal;

/**
 * Where a school sits: its own path and those of its township (null for a 县属 school), county and city. The
 * capacities of a user towards the school follow from these.
 */
public record Place(String school, String township, String county, String city) {}
