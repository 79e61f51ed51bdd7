package org.dudao.evaluation;

/** Where one school's file is: a stage and a status inside it. */
public enum EvaluationState {
    SELF_DRAFT(Stage.SELF, "DRAFT"),
    SELF_SIGNED(Stage.SELF, "SIGNED"),
    COUNTY_SCORING(Stage.COUNTY, "SCORING"),
    COUNTY_SCORED(Stage.COUNTY, "SCORED"),
    CITY_SCORING(Stage.CITY, "SCORING"),
    CITY_SCORED(Stage.CITY, "SCORED"),
    PUBLICITY(Stage.APPROVAL, "PUBLICITY"),
    APPROVED(Stage.APPROVAL, "APPROVED"),
    CERTIFIED(Stage.CERTIFIED, "CERTIFIED"),
    CLOSED(Stage.RESULT, "CLOSED");

    private final Stage stage;
    private final String status;

    EvaluationState(Stage stage, String status) {
        this.stage = stage;
        this.status = status;
    }

    public Stage stage() {
        return stage;
    }

    public String status() {
        return status;
    }

    /** The review level whose experts score in this state, or null. */
    public Stage scoringLevel() {
        return this == COUNTY_SCORING ? Stage.COUNTY : this == CITY_SCORING ? Stage.CITY : null;
    }
}
