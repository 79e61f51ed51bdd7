package org.dudao.evaluation.internal;

/**
 * An expert of the 专家库 to create or change: {@code office} the code of the county or city office keeping them
 * (fixed once created), {@code homeUnit} the code of the unit they work at (decides conflicts of interest),
 * {@code field} 专业领域, {@code title} 职称, {@code username} the sign-in of an expert user there (needed to score),
 * {@code version} the one read (a stale one → 409).
 */
public record ExpertRequest(
        String office,
        String name,
        String field,
        String title,
        String homeUnit,
        String phone,
        String username,
        Boolean active,
        Integer version)
        implements java.io.Serializable {}
