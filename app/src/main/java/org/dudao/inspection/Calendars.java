package org.dudao.inspection;

import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.dudao.inspection.internal.InspectionProperties;
import org.dudao.inspection.internal.Inspector;
import org.dudao.inspection.internal.InspectorRepository;
import org.dudao.inspection.internal.Visit;
import org.dudao.inspection.internal.VisitRepository;
import org.dudao.inspection.internal.VisitStatus;
import org.dudao.inspection.internal.ZoneSchool;
import org.dudao.inspection.internal.ZoneSchoolRepository;
import org.dudao.org.OrgUnitRef;
import org.dudao.org.OrgUnits;
import org.dudao.shared.Access;
import org.dudao.shared.Problems;
import org.dudao.shared.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 工作月历: per unit and month, which schools got their visits ({@code dudao.inspection.visits-per-month}). An inspector with no other role there sees the schools
 * they are responsible for; everyone else reading the unit sees all its schools.
 */
@Service
public class Calendars {

    private static final Set<Role> BESIDES_INSPECTOR =
            java.util.EnumSet.complementOf(java.util.EnumSet.of(Role.INSPECTOR, Role.PUBLIC));

    private final OrgUnits orgUnits;
    private final VisitRepository visits;
    private final ZoneSchoolRepository zoneSchools;
    private final InspectorRepository inspectors;
    private final InspectionProperties properties;
    private final Clock clock;

    Calendars(
            OrgUnits orgUnits,
            VisitRepository visits,
            ZoneSchoolRepository zoneSchools,
            InspectorRepository inspectors,
            InspectionProperties properties,
            Clock clock) {
        this.properties = properties;
        this.orgUnits = orgUnits;
        this.visits = visits;
        this.zoneSchools = zoneSchools;
        this.inspectors = inspectors;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public CalendarView month(String unitCode, String month) {
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
        boolean all = Access.can(BESIDES_INSPECTOR, unit.path());
        Set<Long> mine = inspectors.findByUsernameOrderByIdAsc(Access.currentUsername()).stream()
                .map(Inspector::getId)
                .collect(Collectors.toSet());
        Map<Long, ZoneSchool> zoned =
                zoneSchools.findUnder(unit.path()).stream().collect(Collectors.toMap(ZoneSchool::getSchoolId, z -> z));
        Map<Long, List<Visit>> bySchool = visits
                .findUnder(unit.path(), m.atDay(1), m.plusMonths(1).atDay(1))
                .stream()
                .collect(Collectors.groupingBy(Visit::getSchoolId));
        Map<Long, Inspector> people = inspectors.byIds(
                zoned.values().stream().map(ZoneSchool::getInspectorId).toList());
        List<CalendarView.School> rows = new ArrayList<>();
        for (OrgUnitRef s : orgUnits.subtree(unit.code())) {
            if (!s.kind().isSchool()) continue;
            ZoneSchool z = zoned.get(s.id());
            Long inspector = z == null ? null : z.getInspectorId();
            if (!all && (inspector == null || !mine.contains(inspector))) continue;
            List<Visit> list = bySchool.getOrDefault(s.id(), List.of());
            int done = (int) list.stream()
                    .filter(v -> v.getStatus() != VisitStatus.PLANNED)
                    .count();
            rows.add(new CalendarView.School(
                    s.code(),
                    s.name(),
                    inspector,
                    inspector == null ? null : people.get(inspector).getName(),
                    list.size() - done,
                    done,
                    done >= properties.visitsPerMonth(),
                    list.stream()
                            .map(v -> new CalendarView.Day(
                                    v.getId(), v.getPlannedOn(), v.getStatus().name()))
                            .toList()));
        }
        int unvisited = (int) rows.stream().filter(r -> !r.visited()).count();
        return new CalendarView(unit.code(), unit.name(), m.toString(), properties.visitsPerMonth(), unvisited, rows);
    }
}
