package org.dudao.evaluation;

/** Where one school's file is: a phase of the acceptance and a status inside it. */
public enum EvaluationState {
    SELF_DRAFT(Phase.SELF, "DRAFT"),
    SELF_SIGNED(Phase.SELF, "SIGNED"),
    COUNTY_SCORING(Phase.COUNTY, "SCORING"),
    COUNTY_SCORED(Phase.COUNTY, "SCORED"),
    CITY_SCORING(Phase.CITY, "SCORING"),
    CITY_SCORED(Phase.CITY, "SCORED"),
    PROVINCE_SCORING(Phase.PROVINCE, "SCORING"),
    PROVINCE_SCORED(Phase.PROVINCE, "SCORED"),
    PUBLICITY(Phase.APPROVAL, "PUBLICITY"),
    APPROVED(Phase.APPROVAL, "APPROVED"),
    CERTIFIED(Phase.CERTIFIED, "CERTIFIED"),
    CLOSED(Phase.RESULT, "CLOSED");

    private final Phase phase;
    private final String status;

    EvaluationState(Phase phase, String status) {
        this.phase = phase;
        this.status = status;
    }

    public Phase phase() {
        return phase;
    }

    public String status() {
        return status;
    }

    /** The review level (初评 COUNTY, 复核 CITY, PROVINCE) whose experts score in this state, or null. */
    public Phase scoringLevel() {
        return "SCORING".equals(status) ? phase : null;
    }

    /** The review level that decides in this state (its owner approves or returns), or null. */
    public Phase scoredLevel() {
        return "SCORED".equals(status) ? phase : null;
    }

    /** The state in which experts of a review level score. */
    public static EvaluationState scoring(Phase level) {
        return valueOf(level.name() + "_SCORING");
    }

    /** The state in which a review level's owner decides (after scoring, or at once for a level that only checks). */
    public static EvaluationState scored(Phase level) {
        return valueOf(level.name() + "_SCORED");
    }
}
