package org.dudao.evaluation;

/** Where one school's file is: a phase of the acceptance and a status inside it. */
public enum EvaluationState {
    SELF_DRAFT(Phase.SELF, "DRAFT"),
    SELF_SIGNED(Phase.SELF, "SIGNED"),
    COUNTY_SCORING(Phase.COUNTY, "SCORING"),
    COUNTY_SCORED(Phase.COUNTY, "SCORED"),
    CITY_SCORING(Phase.CITY, "SCORING"),
    CITY_SCORED(Phase.CITY, "SCORED"),
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

    /** The review level (初评 COUNTY or 复核 CITY) whose experts score in this state, or null. */
    public Phase scoringLevel() {
        return this == COUNTY_SCORING ? Phase.COUNTY : this == CITY_SCORING ? Phase.CITY : null;
    }
}
