package org.dudao.evaluation.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dudao.audit.AuditLog;
import org.dudao.data.DataItem;
import org.dudao.data.DataValues;
import org.dudao.data.ValueWrite;
import org.dudao.evaluation.ManualEntry;
import org.dudao.evaluation.Phase;
import org.dudao.org.Enrolment;
import org.dudao.org.Enrolments;
import org.dudao.org.OrgUnitRef;
import org.dudao.org.OrgUnits;
import org.dudao.shared.Access;
import org.dudao.shared.ConflictException;
import org.dudao.shared.Problems;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 现场核查 of a sampled file by the office of the level it was sampled at: the pupils counted against the enrolment
 * the school reported (its stored values), and corrections of reported figures. A correction replaces the stored
 * value through the data store, past the lock of the submitted task (the office corrects, the school could not),
 * keeps the old value in the value history (source ONSITE) and the reason here and in the audit log; the file is
 * rescored at once, so the correction shows in its total.
 */
@Service
public class OnsiteChecks {

    static final String SOURCE = "ONSITE";
    static final int MAX_CORRECTIONS = 100;

    private final ProjectScope projects;
    private final EvaluationRepository evaluations;
    private final OnsiteCheckRepository checks;
    private final Sampling sampling;
    private final EvaluationFiles files;
    private final EvaluationScoring scoring;
    private final DataValues values;
    private final OrgUnits orgUnits;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final Clock clock;

    OnsiteChecks(
            ProjectScope projects,
            EvaluationRepository evaluations,
            OnsiteCheckRepository checks,
            Sampling sampling,
            EvaluationFiles files,
            EvaluationScoring scoring,
            DataValues values,
            OrgUnits orgUnits,
            AuditLog audit,
            ObjectMapper json,
            Clock clock) {
        this.projects = projects;
        this.evaluations = evaluations;
        this.checks = checks;
        this.sampling = sampling;
        this.files = files;
        this.scoring = scoring;
        this.values = values;
        this.orgUnits = orgUnits;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /** The checks of a file, for whoever reads it. */
    @Transactional(readOnly = true)
    public List<OnsiteView> list(String code, String unitCode) {
        Project p = projects.readable(code);
        OrgUnitRef unit = orgUnits.readable(unitCode);
        Evaluation e = evaluations.fileOf(p, unit);
        return checks.findByEvaluationIdOrderByIdAsc(e.getId()).stream()
                .map(c -> view(unit, c))
                .toList();
    }

    /** What the check form shows: the level sampled at (null: not sampled), the enrolment reported, the items. */
    public record Form(String level, Integer reported, String period, List<DataItem> items) {}

    @Transactional(readOnly = true)
    public Form form(String code, String unitCode) {
        Project p = projects.readable(code);
        OrgUnitRef unit = orgUnits.readable(unitCode);
        evaluations.fileOf(p, unit);
        Phase level = sampling.sampledAt(p, unit.id());
        ProjectScope.requireManager(sampling.drawnBy(p, level == null ? Phase.COUNTY : level));
        List<DataItem> items = correctable(p).stream()
                .map(values::item)
                .filter(i -> i.isNumeric() && !values.isComputed(i))
                .toList();
        return new Form(level == null ? null : level.name(), reported(p, unit), p.period(), items);
    }

    @Transactional
    public OnsiteView record(String code, String unitCode, OnsiteRequest request) {
        Project p = projects.readable(code);
        OrgUnitRef unit = orgUnits.readable(unitCode);
        Evaluation e = evaluations.fileOf(p, unit);
        Phase level = sampling.sampledAt(p, unit.id());
        ProjectScope.requireManager(sampling.drawnBy(p, level == null ? Phase.COUNTY : level));
        if (level == null) {
            throw new ConflictException("experts.error.not-sampled", unit.name());
        }
        Phase phase = e.getState().phase();
        if (phase == Phase.CERTIFIED || phase == Phase.RESULT) {
            throw new ConflictException("experts.error.file-closed", unit.name());
        }
        OnsiteRequest r = request == null ? new OnsiteRequest(null, null, null) : request;
        Problems problems = new Problems();
        if (r.counted() != null && (r.counted() < 0 || r.counted() > 100_000)) {
            problems.add("counted", "error.range", 0, 100_000);
        }
        problems.text("note", r.note(), 2000);
        List<ValueWrite> writes = writes(p, unit, r.corrections(), problems);
        if (r.counted() == null && writes.isEmpty()) problems.add("counted", "experts.error.nothing-checked");
        problems.throwIfAny();

        Integer reported = reported(p, unit);
        Double difference = reported == null || reported == 0 || r.counted() == null
                ? null
                : Math.round((r.counted() - reported) * 10000.0 / reported) / 100.0;
        Map<String, ManualEntry> manual = scoring.read(e.currentManual());
        Double before = scoring.score(p, unit, manual).total();
        Map<String, BigDecimal> old = values.numbers(
                unit.id(),
                p.period(),
                writes.stream().map(w -> w.item().getCode()).toList());
        List<OnsiteView.Correction> corrections = new ArrayList<>();
        for (int i = 0; i < writes.size(); i++) {
            ValueWrite w = writes.get(i);
            corrections.add(new OnsiteView.Correction(
                    w.item().getCode(),
                    w.item().getName(),
                    old.get(w.item().getCode()),
                    w.num(),
                    r.corrections().get(i).reason().trim()));
        }
        if (!writes.isEmpty()) {
            values.correct(writes, SOURCE);
        }
        files.rescore(p, unit, e, manual);
        evaluations.saveAndFlush(e);
        OnsiteCheck c = checks.saveAndFlush(new OnsiteCheck(
                e.getId(),
                level,
                reported,
                r.counted(),
                difference,
                write(corrections),
                ExpertPool.blankToNull(r.note()),
                before,
                e.getTotal(),
                Access.currentUsername(),
                Instant.now(clock)));
        OnsiteView view = view(unit, c);
        audit.created("OnsiteCheck", c.getId(), unit.name(), unit.path(), view);
        return view;
    }

    /** The items a check may correct: those the project's scheme reads, and enrolment. */
    private Set<String> correctable(Project p) {
        Set<String> items = new LinkedHashSet<>(Enrolments.ITEMS);
        items.addAll(scoring.scheme(p).items());
        return items;
    }

    /** The corrections as value writes for the project year; every problem named by its item. */
    private List<ValueWrite> writes(
            Project p, OrgUnitRef unit, List<OnsiteRequest.Correction> list, Problems problems) {
        List<ValueWrite> writes = new ArrayList<>();
        if (list == null) {
            return writes;
        }
        if (list.size() > MAX_CORRECTIONS) {
            problems.add("corrections", "error.range", 0, MAX_CORRECTIONS);
            return writes;
        }
        Set<String> allowed = correctable(p);
        Set<String> seen = new HashSet<>();
        for (OnsiteRequest.Correction c : list) {
            String code = c == null || c.item() == null ? "" : c.item().trim();
            if (!allowed.contains(code) || !seen.add(code)) {
                problems.add("corrections", "experts.error.item", code);
                continue;
            }
            DataItem item = values.item(code);
            if (!item.isNumeric() || values.isComputed(item)) {
                problems.add("corrections", "experts.error.item", code);
                continue;
            }
            BigDecimal number = number(item, c.value(), problems);
            if (c.reason() == null || c.reason().isBlank()) {
                problems.add("corrections", "experts.error.reason", item.getName());
            } else {
                problems.text("corrections", c.reason(), 500);
            }
            if (number != null) {
                writes.add(new ValueWrite(unit.id(), unit.path(), item, p.period(), number, null, null));
            }
        }
        return writes;
    }

    private static BigDecimal number(DataItem item, String text, Problems problems) {
        BigDecimal n;
        try {
            n = text == null ? null : new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            n = null;
        }
        if (n == null
                || (item.getValueType() == org.dudao.data.ValueType.INTEGER
                        && n.stripTrailingZeros().scale() > 0)
                || (item.getMinValue() != null && n.compareTo(item.getMinValue()) < 0)
                || (item.getMaxValue() != null && n.compareTo(item.getMaxValue()) > 0)
                || n.abs().compareTo(new BigDecimal("1e12")) > 0) {
            problems.add("corrections", "experts.error.value", item.getName());
            return null;
        }
        return n;
    }

    /** The pupils the school reported for the project year: the sum of its stored enrolment per stage. */
    private Integer reported(Project p, OrgUnitRef unit) {
        Enrolment en = Enrolments.of(values.numbers(unit.id(), p.period(), Enrolments.ITEMS));
        if (en.isEmpty()) {
            return null;
        }
        int sum = 0;
        for (Integer n : new Integer[] {en.primary(), en.junior(), en.senior()}) {
            if (n != null) sum += n;
        }
        return sum;
    }

    private OnsiteView view(OrgUnitRef unit, OnsiteCheck c) {
        return new OnsiteView(
                c.getId(),
                c.getLevel().name(),
                unit.code(),
                unit.name(),
                c.getReported(),
                c.getCounted(),
                c.getDifferencePct(),
                read(c.getCorrections()),
                c.getNote(),
                c.getTotalBefore(),
                c.getTotalAfter(),
                c.getCheckedBy(),
                c.getCheckedAt());
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private List<OnsiteView.Correction> read(String text) {
        try {
            return json.readValue(text, new TypeReference<List<OnsiteView.Correction>>() {});
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
