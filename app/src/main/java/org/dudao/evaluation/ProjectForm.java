package org.dudao.evaluation;

import java.util.List;

/**
 * Input for a new project. {@code scheme} is a scheme code ({@code schemeVersion} null: latest); {@code deadline}
 * the self-evaluation application deadline (ISO date; null: 11月25日 of the year); {@code countyDeadline} and
 * {@code cityDeadline} the optional 初评 and 复核 deadlines (in that order, not before the deadline);
 * {@code schools} the candidate schools (null: every compulsory-education school of the org unit); the quota
 * defaults to 5% of the schools.
 */
public record ProjectForm(
        String code,
        String name,
        Integer year,
        String scheme,
        Integer schemeVersion,
        String orgUnit,
        String deadline,
        Integer publicityDays,
        Integer quotaPrimary,
        Integer quotaSecondary,
        List<String> schools,
        String countyDeadline,
        String cityDeadline) {}
