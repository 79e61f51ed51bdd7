package org.dudao.engine;

/**
 * How a leaf is scored.
 *
 * @param type          the rule; null stands for a type the app could not map (reported by the validator)
 * @param item          the data item code the rule reads (not needed for MANUAL)
 * @param op            THRESHOLD only: {@code >=, <=, >, <, ==}
 * @param standard      THRESHOLD and LINEAR: what the actual value is measured against
 * @param perPupil      divide the item value by the relevant enrolment before comparing
 * @param perOccurrence DEDUCTION and BONUS: points per counted occurrence
 */
public record RuleDef(
        RuleType type, String item, String op, Standard standard, boolean perPupil, Double perOccurrence) {

    public static RuleDef threshold(String item, String op, Standard standard, boolean perPupil) {
        return new RuleDef(RuleType.THRESHOLD, item, op, standard, perPupil, null);
    }

    public static RuleDef linear(String item, Standard standard, boolean perPupil) {
        return new RuleDef(RuleType.LINEAR, item, null, standard, perPupil, null);
    }

    public static RuleDef deduction(String item, double perOccurrence) {
        return new RuleDef(RuleType.DEDUCTION, item, null, null, false, perOccurrence);
    }

    public static RuleDef bonus(String item, double perOccurrence) {
        return new RuleDef(RuleType.BONUS, item, null, null, false, perOccurrence);
    }

    public static RuleDef manual() {
        return new RuleDef(RuleType.MANUAL, null, null, null, false, null);
    }
}
