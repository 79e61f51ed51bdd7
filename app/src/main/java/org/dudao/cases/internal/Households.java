package org.dudao.cases.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.dudao.audit.AuditLog;
import org.dudao.org.OrgUnitRef;
import org.dudao.org.OrgUnits;
import org.dudao.shared.Access;
import org.dudao.shared.ConflictException;
import org.dudao.shared.ForbiddenException;
import org.dudao.shared.InvalidInputException;
import org.dudao.shared.NotFoundException;
import org.dudao.shared.Problems;
import org.dudao.shared.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 民情联系 (SPEC §10): each cadre or inspector keeps their households or contacts (in a unit of their scope) and a
 * diary of visits; a problem raised on a visit becomes a case of channel 民情走访 in one step, prefilled from the
 * household and the diary. A cadre sees their own households; the office sees every household in its subtree;
 * anyone else finds none (404).
 */
@Service
public class Households {

    private final HouseholdRepository households;
    private final HouseholdVisitRepository visits;
    private final Cases cases;
    private final OrgUnits orgUnits;
    private final AuditLog audit;
    private final Clock clock;

    Households(
            HouseholdRepository households,
            HouseholdVisitRepository visits,
            Cases cases,
            OrgUnits orgUnits,
            AuditLog audit,
            Clock clock) {
        this.households = households;
        this.visits = visits;
        this.cases = cases;
        this.orgUnits = orgUnits;
        this.audit = audit;
        this.clock = clock;
    }

    /** A household as typed: the unit (village, community …) by code; version when changing one. */
    public record HouseholdRequest(
            String name, String address, String phone, String village, String unit, Integer version) {}

    /** A visit: the day (default today) and what was raised. */
    public record VisitRequest(String visitedOn, String raised) {}

    /** A raised problem as a case: the category, the description (default what was raised), the unit. */
    public record RaiseRequest(String category, String description, String unit) {}

    public record HouseholdView(
            Long id,
            String cadre,
            String name,
            String address,
            String phone,
            String village,
            String unit,
            String unitName,
            boolean mine,
            int version,
            List<VisitView> diary) {}

    public record VisitView(Long id, LocalDate visitedOn, String visitor, String raised, Long caseId) {}

    /** The caller's own households, and as the office every household under its units. */
    @Transactional(readOnly = true)
    public List<HouseholdView> list() {
        Map<Long, Household> found = new TreeMap<>();
        households.findByCadreOrderByNameAscIdAsc(Access.currentUsername()).stream()
                .filter(h -> Access.canRead(h.getUnitPath()))
                .forEach(h -> found.put(h.getId(), h));
        for (String prefix : Access.outermostPathsWith(Role.OFFICE)) {
            households.findUnder(prefix == null ? "/" : prefix).forEach(h -> found.put(h.getId(), h));
        }
        Map<Long, OrgUnitRef> units = orgUnits.refs(
                found.values().stream().map(Household::getOrgUnitId).toList());
        return found.values().stream()
                .sorted(java.util.Comparator.comparing(Household::getCadre).thenComparing(Household::getName))
                .map(h -> view(h, units.get(h.getOrgUnitId()), List.of()))
                .toList();
    }

    @Transactional(readOnly = true)
    public HouseholdView get(Long id) {
        return view(readable(id));
    }

    @Transactional
    public HouseholdView create(HouseholdRequest r) {
        OrgUnitRef unit = validated(r);
        Household h = new Household(Access.currentUsername(), unit.id(), unit.path(), Instant.now(clock));
        h.describe(r.name().strip(), blankToNull(r.address()), blankToNull(r.phone()), blankToNull(r.village()));
        households.saveAndFlush(h);
        audit.created("Household", h.getId(), h.getName(), h.getUnitPath(), audited(h));
        return view(h);
    }

    @Transactional
    public HouseholdView update(Long id, HouseholdRequest r) {
        Household h = readable(id);
        mine(h);
        if (r != null && r.version() != null && r.version() != h.getRowVersion()) {
            throw new ConflictException("error.stale");
        }
        OrgUnitRef unit = validated(r);
        Map<String, Object> before = audited(h);
        h.describe(r.name().strip(), blankToNull(r.address()), blankToNull(r.phone()), blankToNull(r.village()));
        h.moveTo(unit.id(), unit.path());
        households.flush();
        audit.updated("Household", h.getId(), h.getName(), h.getUnitPath(), before, audited(h));
        return view(h);
    }

    /** 民情日记: the household's cadre logs a visit. */
    @Transactional
    public VisitView visit(Long householdId, VisitRequest r) {
        Household h = readable(householdId);
        mine(h);
        Problems problems = new Problems();
        if (r == null) r = new VisitRequest(null, null);
        LocalDate day = LocalDate.now(clock);
        if (r.visitedOn() != null && !r.visitedOn().isBlank()) {
            try {
                day = LocalDate.parse(r.visitedOn().strip());
                if (problems.saneDate("visitedOn", day) && day.isAfter(LocalDate.now(clock))) {
                    problems.add("visitedOn", "cases.error.future");
                }
            } catch (DateTimeParseException e) {
                problems.add("visitedOn", "cases.error.date");
            }
        }
        if (problems.required("raised", r.raised())) problems.text("raised", r.raised(), 2000);
        problems.throwIfAny();
        HouseholdVisit v = visits.saveAndFlush(new HouseholdVisit(
                h.getId(), day, Access.currentUsername(), r.raised().strip(), Instant.now(clock)));
        audit.created(
                "HouseholdVisit", v.getId(), h.getName() + " " + day, h.getUnitPath(), Map.of("raised", v.getRaised()));
        return view(v);
    }

    /**
     * What was raised on a visit becomes a case (channel 民情走访) in one step: the household is the reporter, its
     * address the place, the raised text the description unless another is given; the unit defaults to the
     * household's. Needs the right to take cases in there (office or inspector); a visit becomes one case only.
     */
    @Transactional
    public CaseView raise(Long visitId, RaiseRequest r) {
        HouseholdVisit v = visitId == null ? null : visits.findById(visitId).orElse(null);
        if (v == null) throw new NotFoundException("visit " + visitId);
        Household h = readable(v.getHouseholdId());
        if (v.getCaseId() != null) throw new ConflictException("cases.error.visit-raised", v.getCaseId());
        RaiseRequest req = r == null ? new RaiseRequest(null, null, null) : r;
        String unit = req.unit() == null || req.unit().isBlank()
                ? orgUnits.refs(List.of(h.getOrgUnitId())).get(h.getOrgUnitId()).code()
                : req.unit();
        CaseView c = cases.view(cases.intake(
                new Cases.NewCase(
                        Channel.VISIT.name(),
                        req.category(),
                        req.description() == null || req.description().isBlank() ? v.getRaised() : req.description(),
                        unit,
                        null,
                        h.getName(),
                        h.getPhone(),
                        false,
                        h.getAddress(),
                        null,
                        null,
                        null),
                Access.currentUsername(),
                null));
        v.becameCase(c.id());
        visits.flush();
        return c;
    }

    /** Whether the caller takes cases in somewhere (the button on a diary entry). */
    public boolean canRaise() {
        return cases.canIntake();
    }

    private OrgUnitRef validated(HouseholdRequest r) {
        if (r == null) throw InvalidInputException.of("name", "error.required");
        Problems problems = new Problems();
        if (problems.required("name", r.name())) problems.name("name", r.name(), 100);
        problems.text("address", r.address(), 300);
        if (r.phone() != null && !r.phone().isBlank() && !Cases.isPhone(r.phone())) {
            problems.add("phone", "cases.error.phone");
        }
        problems.name("village", r.village(), 100);
        OrgUnitRef unit = null;
        if (problems.required("unit", r.unit())) {
            try {
                unit = orgUnits.readable(r.unit().strip());
            } catch (NotFoundException e) {
                problems.add("unit", "collection.error.unit-unknown", r.unit().strip());
            }
        }
        problems.throwIfAny();
        return unit;
    }

    private Household readable(Long id) {
        Household h = id == null ? null : households.findById(id).orElse(null);
        if (h == null || !Access.canRead(h.getUnitPath()) || !(isMine(h) || Access.can(Role.OFFICE, h.getUnitPath()))) {
            throw new NotFoundException("household " + id);
        }
        return h;
    }

    private static boolean isMine(Household h) {
        return h.getCadre().equals(Access.currentUsername());
    }

    /** Only the household's own cadre changes it and keeps its diary. */
    private static void mine(Household h) {
        if (!isMine(h)) throw new ForbiddenException("cases.error.not-your-household");
    }

    private HouseholdView view(Household h) {
        OrgUnitRef unit = orgUnits.refs(List.of(h.getOrgUnitId())).get(h.getOrgUnitId());
        return view(
                h,
                unit,
                visits.findByHouseholdIdOrderByVisitedOnDescIdDesc(h.getId()).stream()
                        .map(Households::view)
                        .toList());
    }

    private static HouseholdView view(Household h, OrgUnitRef unit, List<VisitView> diary) {
        return new HouseholdView(
                h.getId(),
                h.getCadre(),
                h.getName(),
                h.getAddress(),
                h.getPhone(),
                h.getVillage(),
                unit.code(),
                unit.name(),
                isMine(h),
                h.getRowVersion(),
                diary);
    }

    private static VisitView view(HouseholdVisit v) {
        return new VisitView(v.getId(), v.getVisitedOn(), v.getVisitor(), v.getRaised(), v.getCaseId());
    }

    private static Map<String, Object> audited(Household h) {
        Map<String, Object> m = new TreeMap<>();
        m.put("name", h.getName());
        m.put("village", Objects.toString(h.getVillage(), ""));
        m.put("unit", h.getOrgUnitId());
        return m;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
