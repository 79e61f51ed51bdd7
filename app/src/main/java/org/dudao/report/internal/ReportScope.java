package org.dudao.report.internal;

import java.time.Clock;
import java.time.Year;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.dudao.org.OrgKind;
import org.dudao.org.OrgUnitRef;
import org.dudao.org.OrgUnitView;
import org.dudao.org.OrgUnits;
import org.dudao.shared.Access;
import org.dudao.shared.Grant;
import org.dudao.shared.InvalidInputException;
import org.dudao.shared.Role;
import org.springframework.stereotype.Component;

/**
 * Which unit and year a report is about. Reports are for supervision offices, inspectors and leaders: the unit
 * must be readable (else it "does not exist", 404), the caller must hold one of {@link org.dudao.shared.Role#REPORT_READERS} covering it
 * (403: schools and data clerks see their own files elsewhere), and it must be a township, county, city or
 * province (a report of one school is its evaluation file).
 */
@Component
class ReportScope {

    private final OrgUnits orgUnits;
    private final Clock clock;

    ReportScope(OrgUnits orgUnits, Clock clock) {
        this.orgUnits = orgUnits;
        this.clock = clock;
    }

    /** The unit asked for, or by default the root of the caller's reading scope. */
    OrgUnitRef unit(String code) {
        OrgUnitRef unit = code == null || code.isBlank() ? home() : orgUnits.readable(code.trim());
        Access.requireRole(unit.path(), Role.REPORT_READERS, "org unit " + unit.code());
        if (unit.kind().level() == OrgKind.Level.UNIT) {
            throw InvalidInputException.of("orgUnit", "report.error.unit-level");
        }
        return unit;
    }

    int year(Integer year) {
        if (year == null) {
            return Year.now(clock).getValue();
        }
        if (year < 2000 || year > 2100) {
            throw InvalidInputException.of("year", "error.range", 2000, 2100);
        }
        return year;
    }

    /** The subordinate townships, counties or cities of a unit (not its schools and departments), in tree order. */
    List<OrgUnitRef> children(OrgUnitRef unit) {
        List<OrgUnitView> views = orgUnits.children(unit.code()).stream()
                .filter(v -> OrgKind.parse(v.kind())
                        .map(k -> k.level() != OrgKind.Level.UNIT)
                        .orElse(false))
                .toList();
        Map<Long, OrgUnitRef> refs =
                orgUnits.refs(views.stream().map(OrgUnitView::id).toList());
        return views.stream().map(v -> refs.get(v.id())).toList();
    }

    /** The unit of the caller's widest reader grant; without one, the first root of its scope (then refused). */
    private OrgUnitRef home() {
        Grant widest = Access.grants().stream()
                .filter(g -> Role.REPORT_READERS.contains(g.role()))
                .min(Comparator.comparingInt(
                        (Grant g) -> g.path() == null ? 0 : g.path().length()))
                .orElse(null);
        if (widest != null && widest.orgUnitId() != null) {
            return orgUnits.readable(widest.orgUnitId());
        }
        return orgUnits.readable(orgUnits.children(null).get(0).code());
    }
}
