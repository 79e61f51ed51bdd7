package org.dudao.rectification;

/**
 * Where a rectification item comes from (SPEC §6: a score shortfall or veto of an evaluation, an inspection
 * finding, a case). Stored by name on the item; screens list every value for their filter.
 */
public enum RectificationSource {
    /** Drafted from the points a school lost and the vetoes that fired when its evaluation closed. */
    EVALUATION,
    /** Opened from a finding of a responsibility inspector's visit (责任督学). */
    INSPECTION
}
