package org.dudao.scheme;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scheme as JSON: the API and file shape. Numbers are boxed so that a missing value reaches the validator
 * (and is reported by field) instead of silently becoming 0. Version metadata ({@code version},
 * {@code orgUnit}, {@code locked}…) is filled on reads and ignored in the stored definition. {@code revision}
 * counts the in-place corrections of a version: a correction sends the revision it read, and a stale one is
 * refused (409) instead of silently overwriting someone else's correction.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SchemeDoc(
        String code,
        String name,
        Double maxScore,
        List<Grade> grades,
        List<Indicator> indicators,
        List<Veto> vetoes,
        Integer version,
        String orgUnit,
        String orgUnitName,
        Boolean locked,
        String note,
        Integer revision,
        List<Problem> warnings) {

    @JsonCreator
    public SchemeDoc {}

    /** A doc without a revision: new schemes and versions, files, the definition itself. */
    public SchemeDoc(
            String code,
            String name,
            Double maxScore,
            List<Grade> grades,
            List<Indicator> indicators,
            List<Veto> vetoes,
            Integer version,
            String orgUnit,
            String orgUnitName,
            Boolean locked,
            String note,
            List<Problem> warnings) {
        this(
                code,
                name,
                maxScore,
                grades,
                indicators,
                vetoes,
                version,
                orgUnit,
                orgUnitName,
                locked,
                note,
                null,
                warnings);
    }

    /** The definition only, as stored and compared. */
    public SchemeDoc definition() {
        return new SchemeDoc(code, name, maxScore, grades, indicators, vetoes, null, null, null, null, null, null);
    }

    public SchemeDoc withMeta(
            int version, String orgUnit, String orgUnitName, boolean locked, String note, int revision) {
        return new SchemeDoc(
                code,
                name,
                maxScore,
                grades,
                indicators,
                vetoes,
                version,
                orgUnit,
                orgUnitName,
                locked,
                note,
                revision,
                warnings);
    }

    public SchemeDoc withWarnings(List<Problem> list) {
        return new SchemeDoc(
                code,
                name,
                maxScore,
                grades,
                indicators,
                vetoes,
                version,
                orgUnit,
                orgUnitName,
                locked,
                note,
                revision,
                list == null || list.isEmpty() ? null : list);
    }

    public SchemeDoc withCodeAndName(String newCode, String newName) {
        return new SchemeDoc(
                newCode, newName, maxScore, grades, indicators, vetoes, null, null, null, null, null, null);
    }

    /** A grade band: reached when total ≥ min (total > min with minExclusive). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Grade(String name, Double min, Boolean minExclusive) {}

    /**
     * An indicator; a leaf has a rule, a parent has children. {@code parent} is only read, for flat lists
     * (Excel rows, or JSON with one entry per indicator naming its parent's code).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Indicator(
            String code,
            String name,
            Double points,
            Boolean bonus,
            Rule rule,
            List<Indicator> children,
            String parent) {

        public boolean isBonus() {
            return Boolean.TRUE.equals(bonus);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Rule(
            String type, String item, String op, Standard standard, Boolean perPupil, Double perOccurrence) {}

    /** One number for every stage, or one per stage: {@code 25} or {@code {"primary":25,"junior":35}}. */
    public record Standard(Double primary, Double junior, Double senior) {

        public static Standard of(double value) {
            return new Standard(value, value, value);
        }

        public boolean uniform() {
            return primary != null && primary.equals(junior) && primary.equals(senior);
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static Standard fromJson(JsonNode node) throws JsonMappingException {
            if (node == null || node.isNull()) {
                return null;
            }
            if (node.isNumber()) {
                return of(node.asDouble());
            }
            if (node.isObject()) {
                return new Standard(number(node, "primary"), number(node, "junior"), number(node, "senior"));
            }
            throw JsonMappingException.from(
                    (com.fasterxml.jackson.core.JsonParser) null,
                    "standard must be a number or {primary, junior, senior}");
        }

        private static Double number(JsonNode node, String field) throws JsonMappingException {
            JsonNode v = node.get(field);
            if (v == null || v.isNull()) {
                return null;
            }
            if (!v.isNumber()) {
                throw JsonMappingException.from(
                        (com.fasterxml.jackson.core.JsonParser) null, "standard." + field + " must be a number");
            }
            return v.asDouble();
        }

        @JsonValue
        Object toJson() {
            if (uniform()) {
                return primary;
            }
            Map<String, Double> map = new LinkedHashMap<>();
            if (primary != null) map.put("primary", primary);
            if (junior != null) map.put("junior", junior);
            if (senior != null) map.put("senior", senior);
            return map;
        }
    }

    /** 一票否决: when {@code item op value} holds, the grade is capped at {@code capAt}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Veto(String code, String name, Condition when, String capAt) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Condition(String item, String op, Double value) {}

    /** A problem or warning at a JSON path, with a message for the scheme owner. */
    public record Problem(String field, String message) {}
}
