package org.dudao.evaluation.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dudao.engine.CompiledScheme;
import org.dudao.engine.Enrolment;
import org.dudao.engine.FiredVeto;
import org.dudao.engine.Gap;
import org.dudao.engine.GapAnalysis;
import org.dudao.engine.GapReport;
import org.dudao.engine.IndicatorDef;
import org.dudao.engine.ManualScore;
import org.dudao.engine.RuleType;
import org.dudao.engine.SchoolType;
import org.dudao.engine.ScoreResult;
import org.dudao.evaluation.EvaluationDetail;
import org.dudao.evaluation.EvaluationFinalized;
import org.dudao.evaluation.ManualEntry;
import org.dudao.org.OrgUnitRef;
import org.dudao.scheme.Advice;
import org.dudao.scheme.Schemes;
import org.dudao.scheme.SchoolInputs;
import org.springframework.stereotype.Component;

/**
 * Scores a school under its project's scheme version from the stored values of the project year (the
 * enter-once store) and the manual scores of the level, with the engine; also reads and writes manual score
 * sheets as JSON.
 */
@Component
public class EvaluationScoring {

    private static final TypeReference<LinkedHashMap<String, ManualEntry>> SHEET = new TypeReference<>() {};

    private final Schemes schemes;
    private final SchoolInputs inputs;
    private final ObjectMapper json;

    EvaluationScoring(Schemes schemes, SchoolInputs inputs, ObjectMapper json) {
        this.schemes = schemes;
        this.inputs = inputs;
        this.json = json;
    }

    public CompiledScheme scheme(Project project) {
        return schemes.compiled(project.getSchemeVersionId());
    }

    ScoreResult score(Project project, OrgUnitRef unit, Map<String, ManualEntry> manual) {
        Inputs in = inputs(project, unit, manual);
        return in.scheme().score(in.type(), in.enrolment(), in.values(), in.manual());
    }

    /** What the engine needs for one school: stored values and enrolment for the project year, expert scores. */
    private record Inputs(
            CompiledScheme scheme,
            SchoolType type,
            Enrolment enrolment,
            Map<String, Double> values,
            Map<String, ManualScore> manual) {}

    private Inputs inputs(Project project, OrgUnitRef unit, Map<String, ManualEntry> manual) {
        CompiledScheme cs = scheme(project);
        SchoolInputs.Stored stored = inputs.stored(cs, unit.id(), project.period());
        Map<String, ManualScore> m = new HashMap<>();
        manual.forEach((code, e) -> {
            if (e != null && e.score() != null) m.put(code, ManualScore.of(e.score(), e.reason()));
        });
        return new Inputs(cs, SchoolInputs.schoolType(unit.kind()), stored.engineEnrolment(), stored.values(), m);
    }

    /** The stored value each quantitative leaf reads, by indicator code, in the order of the scheme. */
    Map<String, EvaluationDetail.Source> sources(Project project, OrgUnitRef unit) {
        CompiledScheme cs = scheme(project);
        Map<String, Double> values =
                inputs.stored(cs, unit.id(), project.period()).values();
        Map<String, Schemes.ItemInfo> items = schemes.items(cs.items());
        Map<String, EvaluationDetail.Source> result = new LinkedHashMap<>();
        java.util.ArrayDeque<IndicatorDef> open =
                new java.util.ArrayDeque<>(cs.definition().indicators());
        while (!open.isEmpty()) {
            IndicatorDef d = open.pollFirst();
            java.util.List<IndicatorDef> children = new ArrayList<>(d.children());
            java.util.Collections.reverse(children);
            children.forEach(open::addFirst);
            if (d.isLeaf() && d.rule() != null && d.rule().item() != null) {
                Schemes.ItemInfo info = items.get(d.rule().item());
                result.put(
                        d.code(),
                        new EvaluationDetail.Source(
                                d.rule().item(),
                                info == null ? d.rule().item() : info.name(),
                                info == null ? null : info.unit(),
                                values.get(d.rule().item()),
                                d.rule().perPupil()));
            }
        }
        return result;
    }

    /** Indicators that lost points (with advice) and fired vetoes (with evidence), for rectification. */
    List<EvaluationFinalized.Shortfall> shortfalls(Project project, OrgUnitRef unit, Map<String, ManualEntry> manual) {
        Inputs in = inputs(project, unit, manual);
        CompiledScheme cs = in.scheme();
        GapReport report = GapAnalysis.analyse(cs, in.type(), in.enrolment(), in.values(), in.manual());
        Map<String, Schemes.ItemInfo> items = schemes.items(cs.items());
        List<EvaluationFinalized.Shortfall> list = new ArrayList<>();
        for (FiredVeto v : report.result().vetoes()) {
            list.add(new EvaluationFinalized.Shortfall("VETO", v.code(), v.name(), 0, v.evidence()));
        }
        for (Gap g : report.gaps()) {
            if (g.pointsLost() <= 0) continue;
            String advice = Advice.of(g, g.item() == null ? null : items.get(g.item()));
            if (g.rule() == RuleType.MANUAL) {
                ManualEntry e = manual.get(g.indicator());
                if (e != null && e.reason() != null) advice = e.reason();
            }
            list.add(new EvaluationFinalized.Shortfall(
                    "INDICATOR", g.indicator(), g.name(), CompiledScheme.round2(g.pointsLost()), advice));
        }
        return list;
    }

    /**
     * The grade a file may show: none while an indicator is unscored, since the engine counts it as 0 and would
     * grade a file still with the experts 不达标; unless a veto fired, which decides the grade whatever the rest
     * scores.
     */
    public static String settledGrade(String grade, boolean unscored, boolean vetoed) {
        return !unscored || vetoed ? grade : null;
    }

    static String settledGrade(ScoreResult r) {
        return settledGrade(r.grade(), !r.unscored().isEmpty(), !r.vetoes().isEmpty());
    }

    /** The engine's grade is the scheme's top grade (达标). */
    boolean passed(Project project, String grade) {
        return grade != null && grade.equals(scheme(project).grades().get(0));
    }

    public Map<String, ManualEntry> read(String text) {
        if (text == null || text.isBlank()) {
            return new LinkedHashMap<>();
        }
        try {
            return json.readValue(text, SHEET);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored score sheet unreadable", e);
        }
    }

    public String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write score sheet", e);
        }
    }

    /** Fired vetoes as stored on the file: code, name and evidence. */
    String vetoes(ScoreResult r) {
        List<Map<String, String>> list = new ArrayList<>();
        r.vetoes().forEach(v -> list.add(Map.of("code", v.code(), "name", v.name(), "evidence", v.evidence())));
        return write(list);
    }

    /** The grade is one above the scheme's lowest (a chain other than standardization moves such files on). */
    boolean aboveLowest(Project project, String grade) {
        List<String> grades = scheme(project).grades();
        return grade != null && grades.contains(grade) && !grade.equals(grades.get(grades.size() - 1));
    }

    public List<Map<String, String>> readVetoes(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        try {
            return json.readValue(text, new TypeReference<List<Map<String, String>>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored vetoes unreadable", e);
        }
    }
}
