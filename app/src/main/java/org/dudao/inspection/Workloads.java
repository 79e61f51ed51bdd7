package org.dudao.inspection;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.dudao.inspection.internal.Inspector;
import org.dudao.inspection.internal.InspectorRepository;
import org.dudao.inspection.internal.Visit;
import org.dudao.inspection.internal.VisitFinding;
import org.dudao.inspection.internal.VisitFindingRepository;
import org.dudao.inspection.internal.VisitRepository;
import org.dudao.inspection.internal.VisitStatus;
import org.dudao.inspection.internal.ZoneSchoolRepository;
import org.dudao.org.OrgUnitRef;
import org.dudao.org.OrgUnits;
import org.dudao.rectification.ItemFilter;
import org.dudao.rectification.ItemView;
import org.dudao.rectification.RectificationSource;
import org.dudao.rectification.Rectifications;
import org.dudao.shared.Access;
import org.dudao.shared.Problems;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 工作量: per inspector and month, counted from the visits, findings, rectification items and summaries themselves
 * (nothing typed twice). A unit's inspectors are those of its offices and those responsible for or visiting its
 * schools; an inspector with no other role there sees their own row only.
 */
@Service
public class Workloads {

    private final InspectorRepository inspectors;
    private final VisitRepository visits;
    private final VisitFindingRepository findings;
    private final ZoneSchoolRepository zoneSchools;
    private final Summaries summaries;
    private final Rectifications rectifications;
    private final OrgUnits orgUnits;
    private final Clock clock;

    Workloads(
            InspectorRepository inspectors,
            VisitRepository visits,
            VisitFindingRepository findings,
            ZoneSchoolRepository zoneSchools,
            Summaries summaries,
            Rectifications rectifications,
            OrgUnits orgUnits,
            Clock clock) {
        this.inspectors = inspectors;
        this.visits = visits;
        this.findings = findings;
        this.zoneSchools = zoneSchools;
        this.summaries = summaries;
        this.rectifications = rectifications;
        this.orgUnits = orgUnits;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public WorkloadView month(String unitCode, String month) {
        Problems problems = new Problems();
        problems.required("unit", unitCode);
        YearMonth m = YearMonth.now(clock);
        if (month != null && !month.isBlank()) {
            try {
                m = YearMonth.parse(month.trim());
                problems.saneDate("month", m.atDay(1));
            } catch (DateTimeParseException e) {
                problems.add("month", "error.type-mismatch");
            }
        }
        problems.throwIfAny();
        OrgUnitRef unit = orgUnits.readable(unitCode.trim());
        List<Visit> done = visits
                .findUnder(unit.path(), m.atDay(1), m.plusMonths(1).atDay(1))
                .stream()
                .filter(v -> v.getStatus() != VisitStatus.PLANNED)
                .toList();
        Map<Long, Inspector> people = new TreeMap<>();
        inspectors.findUnder(unit.path()).forEach(i -> people.put(i.getId(), i));
        Set<Long> involved = new HashSet<>();
        done.forEach(v -> involved.add(v.getInspectorId()));
        zoneSchools.findUnder(unit.path()).forEach(z -> {
            if (z.getInspectorId() != null) involved.add(z.getInspectorId());
        });
        involved.removeAll(people.keySet());
        inspectors.findAllById(involved).forEach(i -> people.put(i.getId(), i));

        Map<Long, List<Visit>> byInspector = done.stream().collect(Collectors.groupingBy(Visit::getInspectorId));
        Map<Long, List<VisitFinding>> byVisit = done.isEmpty()
                ? Map.of()
                : findings
                        .findByVisitIdInOrderByIdAsc(
                                done.stream().map(Visit::getId).toList())
                        .stream()
                        .collect(Collectors.groupingBy(VisitFinding::getVisitId));
        Map<Long, ItemView> items = new TreeMap<>();
        if (byVisit.values().stream().flatMap(List::stream).anyMatch(f -> f.getRectificationId() != null)) {
            rectifications
                    .list(new ItemFilter(
                            unit.code(), null, null, RectificationSource.INSPECTION.name(), null, null, null))
                    .forEach(i -> items.put(i.id(), i));
        }
        ZoneId zone = clock.getZone();
        List<WorkloadView.Row> rows = new ArrayList<>();
        String period = m.toString();
        for (Inspector i : people.values()) {
            boolean own = i.getUsername() != null && i.getUsername().equals(Access.currentUsername());
            if (!own && !Access.can(Summaries.BESIDES_INSPECTOR, unit.path())) continue;
            List<Visit> theirs = byInspector.getOrDefault(i.getId(), List.of());
            List<VisitFinding> found = theirs.stream()
                    .flatMap(v -> byVisit.getOrDefault(v.getId(), List.of()).stream())
                    .toList();
            List<ItemView> opened = found.stream()
                    .filter(f -> f.getRectificationId() != null)
                    .map(f -> items.get(f.getRectificationId()))
                    .filter(java.util.Objects::nonNull)
                    .toList();
            int onTime = (int) opened.stream()
                    .filter(it -> it.closedAt() != null
                            && (it.deadline() == null
                                    || !LocalDate.ofInstant(it.closedAt(), zone).isAfter(it.deadline())))
                    .count();
            String summary = summaries.state(i, Summaries.MONTH, period);
            rows.add(new WorkloadView.Row(
                    i.getId(),
                    i.getName(),
                    theirs.size(),
                    (int) theirs.stream().map(Visit::getSchoolId).distinct().count(),
                    found.size(),
                    (int) found.stream()
                            .filter(f -> f.getRectificationId() != null)
                            .count(),
                    onTime,
                    summary));
        }
        return new WorkloadView(unit.code(), unit.name(), period, rows);
    }
}
