package org.dudao.engine;

/** {@code item op value} on a raw data item value, e.g. {@code dangerous_building_ratio > 3}. */
public record Condition(String item, String op, double value) {}
