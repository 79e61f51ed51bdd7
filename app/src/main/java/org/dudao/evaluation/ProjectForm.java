package org.dudao.evaluation;

import java.util.List;

/**
 * Input for a new project. {@code scheme} is a scheme code ({@code schemeVersion} null: latest); {@code deadline}
 * the self-evaluation application deadline (ISO date; null: 11月25日 of the year); {@code countyDeadline} and
 * {@code cityDeadline} the optional 初评 and 复核 deadlines (in that order, not before the deadline);
 * {@code schools} the candidate schools (null: every compulsory-education school of the org unit); the quota
 * defaults to 5% of the schools. {@code template} a ready-made review chain (STANDARDIZATION, ADVANCED_COUNTY,
 * TOWNSHIP_DUZHENG, EQUIPMENT_DEMO, PARTY_BRANCH_STARS), or {@code chain} the levels in order; {@code unitKinds}
 * the org kinds evaluated (names such as COUNTY or 小学; null: the template's, by default the standardization
 * schools), whose units under the org unit are the candidates. Without either the project runs the
 * standardization chain, as before.
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
        String cityDeadline,
        String template,
        List<String> unitKinds,
        List<ChainLevel> chain) {

    /** A standardization project (no template, chain or kinds). */
    public ProjectForm(
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
            String cityDeadline) {
        this(
                code,
                name,
                year,
                scheme,
                schemeVersion,
                orgUnit,
                deadline,
                publicityDays,
                quotaPrimary,
                quotaSecondary,
                schools,
                countyDeadline,
                cityDeadline,
                null,
                null,
                null);
    }
}
