package org.dudao.evaluation;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.dudao.audit.AuditLog;
import org.dudao.data.DataValues;
import org.dudao.engine.CompiledScheme;
import org.dudao.engine.Enrolment;
import org.dudao.engine.TotalScore;
import org.dudao.org.OrgUnitRef;
import org.dudao.org.OrgUnits;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Scores every open file of a project from the stored values in one run, on the engine's lean path: one bulk
 * read of the values, one pass of the compiled scheme per school. Files already under 公示 or decided keep
 * their score.
 */
@Service
public class BulkScoring {

    static final Set<EvaluationState> OPEN = EnumSet.of(EvaluationState.SELF_DRAFT, EvaluationState.SELF_SIGNED,
            EvaluationState.COUNTY_SCORING, EvaluationState.COUNTY_SCORED, EvaluationState.CITY_SCORING,
            EvaluationState.CITY_SCORED);

    private final Projects projects;
    private final EvaluationRepository evaluations;
    private final EvaluationScoring scoring;
    private final DataValues values;
    private final OrgUnits orgUnits;
    private final AuditLog audit;
    private final Clock clock;

    BulkScoring(Projects projects, EvaluationRepository evaluations, EvaluationScoring scoring, DataValues values,
            OrgUnits orgUnits, AuditLog audit, Clock clock) {
        this.projects = projects;
        this.evaluations = evaluations;
        this.scoring = scoring;
        this.values = values;
        this.orgUnits = orgUnits;
        this.audit = audit;
        this.clock = clock;
    }

    /** How a run went: files scored, time taken and files per grade. */
    public record Run(int scored, long millis, Map<String, Integer> byGrade) {
    }

    @Transactional
    public Run scoreAll(String projectCode) {
        long start = System.nanoTime();
        Project p = projects.readable(projectCode);
        Projects.requireManager(p.getOwnerPath());
        CompiledScheme cs = scoring.scheme(p);
        List<Evaluation> files = evaluations.findByProjectIdOrderByIdAsc(p.getId()).stream()
                .filter(e -> OPEN.contains(e.getState())).toList();
        List<Long> ids = files.stream().map(Evaluation::getOrgUnitId).toList();
        Map<Long, OrgUnitRef> refs = orgUnits.refs(ids);
        List<String> wanted = new ArrayList<>(cs.items());
        wanted.addAll(EvaluationScoring.ENROLMENT);
        Map<Long, Map<String, BigDecimal>> stored = values.numbers(ids, p.period(), wanted);
        List<String> manualCodes = cs.manualIndicators();
        Map<String, Integer> byGrade = new TreeMap<>();
        Instant now = Instant.now(clock);
        for (Evaluation e : files) {
            Map<String, BigDecimal> v = stored.getOrDefault(e.getOrgUnitId(), Map.of());
            double[] slots = cs.newValues();
            for (int s = 0; s < cs.items().size(); s++) {
                BigDecimal d = v.get(cs.items().get(s));
                if (d != null) slots[s] = d.doubleValue();
            }
            double[] manual = null;
            if (!manualCodes.isEmpty()) {
                manual = new double[manualCodes.size()];
                Arrays.fill(manual, Double.NaN);
                Map<String, ManualEntry> sheet = scoring.read(e.currentManual());
                for (int m = 0; m < manualCodes.size(); m++) {
                    ManualEntry entry = sheet.get(manualCodes.get(m));
                    if (entry != null && entry.score() != null) manual[m] = entry.score();
                }
            }
            Enrolment enrolment = new Enrolment(n(v.get("students_primary")), n(v.get("students_junior")),
                    n(v.get("students_senior")));
            TotalScore t = cs.scoreTotal(EvaluationScoring.schoolType(refs.get(e.getOrgUnitId()).kind()), enrolment,
                    slots, manual);
            List<Map<String, String>> vetoes = t.vetoes().stream()
                    .map(x -> Map.of("code", x.code(), "name", x.name(), "evidence", x.evidence())).toList();
            e.scored(t.total(), t.grade(), vetoes.isEmpty() ? "[]" : scoring.write(vetoes), now);
            byGrade.merge(t.grade(), 1, Integer::sum);
        }
        evaluations.flush();
        Run run = new Run(files.size(), (System.nanoTime() - start) / 1_000_000, byGrade);
        audit.updated("EvaluationProject", p.getCode(), p.getName(), p.getOwnerPath(), null,
                Map.of("bulkScored", run.scored(), "byGrade", byGrade));
        return run;
    }

    private static int n(BigDecimal d) {
        return d == null ? 0 : d.intValue();
    }
}
