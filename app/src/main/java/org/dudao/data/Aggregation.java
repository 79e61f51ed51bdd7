package org.dudao.data;

/** Whether a value sums up the org tree (counts, areas) or not (rates). */
public enum Aggregation {
    SUM,
    NONE
}
