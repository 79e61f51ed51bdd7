package org.dudao.cases.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.dudao.audit.AuditLog;
import org.dudao.calendar.WorkingDays;
import org.dudao.cases.internal.CaseView.ReporterView;
import org.dudao.cases.internal.CaseView.Step;
import org.dudao.evidence.EvidenceStore;
import org.dudao.org.OrgUnitRef;
import org.dudao.org.OrgUnits;
import org.dudao.shared.Access;
import org.dudao.shared.ChangeClock;
import org.dudao.shared.ConflictException;
import org.dudao.shared.ForbiddenException;
import org.dudao.shared.IdList;
import org.dudao.shared.InvalidInputException;
import org.dudao.shared.NotFoundException;
import org.dudao.shared.Problems;
import org.dudao.shared.Role;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The use cases of a case: intake (the office or an inspector covering the unit), assignment, the unit's answer and
 * its returns, verification, callback, closing, extensions and merges (the office). Scope through {@link Access}:
 * outside it a case does not exist. Every move is on the timeline and in the audit log (without the reporter).
 */
@Service
public class Cases {

    /** Who takes a case in: the office, and inspectors for what they find. */
    public static final Set<Role> INTAKE = EnumSet.of(Role.ADMIN, Role.DIRECTOR, Role.INSPECTOR);

    static final int MAX_EXTENSION = 60;

    private final CaseRepository cases;
    private final CaseEventRepository events;
    private final OrgUnits orgUnits;
    private final EvidenceStore evidenceStore;
    private final WorkingDays workingDays;
    private final AuditLog audit;
    private final JdbcTemplate jdbc;
    private final ChangeClock changes;
    private final Clock clock;

    Cases(
            CaseRepository cases,
            CaseEventRepository events,
            OrgUnits orgUnits,
            EvidenceStore evidenceStore,
            WorkingDays workingDays,
            AuditLog audit,
            JdbcTemplate jdbc,
            ChangeClock changes,
            Clock clock) {
        this.cases = cases;
        this.events = events;
        this.orgUnits = orgUnits;
        this.evidenceStore = evidenceStore;
        this.workingDays = workingDays;
        this.audit = audit;
        this.jdbc = jdbc;
        this.changes = changes;
        this.clock = clock;
    }

    /** What intake takes. */
    public record NewCase(
            String channel,
            String category,
            String description,
            String unit,
            String receivedAt,
            String reporterName,
            String reporterPhone,
            Boolean anonymous,
            String address,
            Double latitude,
            Double longitude,
            List<Long> evidence) {}

    /** A move: {@code action} and what it needs (unit to assign to, note or reason, evidence, satisfied, days, into). */
    public record Move(
            String action,
            String unit,
            String note,
            List<Long> evidence,
            Boolean satisfied,
            Integer days,
            Long into,
            Integer version) {}

    @Transactional(readOnly = true)
    public List<CategoryView> categories() {
        return jdbc.query(
                "select code, name, time_limit from case_category order by sort_order",
                (rs, i) -> new CategoryView(rs.getString(1), rs.getString(2), rs.getInt(3)));
    }

    /** Whether the current user takes cases in somewhere (the intake button). */
    public boolean canIntake() {
        return Access.holdsAny(INTAKE);
    }

    // ---- intake -------------------------------------------------------------------------------------------

    @Transactional
    public CaseView intake(NewCase c) {
        return view(intake(c, Access.currentUsername(), null));
    }

    /**
     * Intake for {@code createdBy}: the signed-in user, or someone outside (the public page, Open311, a plaque
     * message) on whose behalf the caller runs this as the system or as the key's user. {@code office}, when
     * given, is the office the case waits with (a plaque message: the inspector's), shown on the intake step.
     */
    @Transactional
    Case intake(NewCase c, String createdBy, String office) {
        return intake(c, createdBy, office, new Lookups(categories()));
    }

    /** What intake looks up, read once for a whole import: the categories, and the units named so far. */
    static final class Lookups {
        private final List<CategoryView> categories;
        private final Map<String, OrgUnitRef> units = new HashMap<>();

        Lookups(List<CategoryView> categories) {
            this.categories = categories;
        }
    }

    @Transactional
    Case intake(NewCase c, String createdBy, String office, Lookups lookups) {
        Problems problems = new Problems();
        Channel channel = parse(problems, "channel", c.channel(), Channel.class);
        CategoryView category = category(problems, c.category(), lookups.categories);
        if (problems.required("description", c.description())) problems.text("description", c.description(), 4000);
        boolean anonymous = Boolean.TRUE.equals(c.anonymous());
        problems.name("reporterName", c.reporterName(), 100);
        phone(problems, c.reporterPhone());
        problems.text("address", c.address(), 300);
        position(problems, c.latitude(), c.longitude());
        Instant receivedAt = receivedAt(problems, c.receivedAt());
        if (c.evidence() != null && c.evidence().size() > 20) problems.add("evidence", "error.range", 0, 20);
        OrgUnitRef unit = null;
        if (problems.required("unit", c.unit())) {
            unit = lookups.units.computeIfAbsent(c.unit().strip(), code -> unit("unit", code));
            Access.requireRole(unit.path(), INTAKE, "org unit " + c.unit());
            if (c.evidence() != null && c.evidence().size() <= 20) {
                evidenceStore.checkOwnedBy(unit.id(), c.evidence(), "evidence", problems);
            }
        }
        problems.throwIfAny();
        LocalDate receivedOn = LocalDate.ofInstant(receivedAt, clock.getZone());
        WorkingDays.Deadline deadline = workingDays.deadline(receivedOn, category.timeLimit());
        Case saved = cases.saveAndFlush(new Case(
                channel.name(),
                category.code(),
                c.description().strip(),
                new Case.Reporter(blankToNull(c.reporterName()), blankToNull(c.reporterPhone()), anonymous),
                new Case.Location(blankToNull(c.address()), c.latitude(), c.longitude()),
                IdList.text(c.evidence()),
                unit.id(),
                unit.path(),
                receivedAt,
                receivedOn,
                deadline.due(),
                deadline.calendarMissing(),
                createdBy));
        record(
                saved,
                "intake",
                null,
                office == null ? unit.id() : orgUnits.readable(office).id(),
                null);
        CaseView created = view(saved, List.of(), Map.of(unit.id(), unit), lookups.categories, List.of());
        audit.created("Case", saved.getId(), label(saved), saved.getUnitPath(), audited(created));
        return saved;
    }

    // ---- reads --------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public CaseView get(Long id) {
        return view(readable(id));
    }

    /** Cases in the caller's scope, optionally under one unit, of one status, only the overdue ones, by phone. */
    @Transactional(readOnly = true)
    public List<CaseView> list(String unit, String status, Boolean overdue, String phone) {
        List<String> prefixes = unit == null || unit.isBlank()
                ? Access.outermostPathsWith(Role.STAFF)
                : List.of(orgUnits.readable(unit.strip()).path());
        CaseStatus wanted = status == null || status.isBlank() ? null : parseStatus(status);
        LocalDate today = LocalDate.now(clock);
        Map<Long, Case> found = new TreeMap<>(java.util.Comparator.reverseOrder());
        if (phone != null && !phone.isBlank()) {
            cases.findTop20ByReporterPhoneOrderByIdDesc(phone.strip()).stream()
                    .filter(c -> Access.can(Role.OFFICE, c.getUnitPath()))
                    .forEach(c -> found.put(c.getId(), c));
        } else {
            for (String prefix : prefixes) {
                cases.findUnder(prefix).forEach(c -> found.putIfAbsent(c.getId(), c));
            }
        }
        return found.values().stream()
                .filter(c -> wanted == null || c.getStatus() == wanted)
                .filter(c -> !Boolean.TRUE.equals(overdue) || c.overdue(today))
                .map(c -> view(c, false))
                .toList();
    }

    // ---- moves --------------------------------------------------------------------------------------------

    @Transactional
    public CaseView move(Long id, Move m) {
        Case c = readable(id);
        if (m == null || m.action() == null || m.action().isBlank()) {
            throw InvalidInputException.of("action", "error.required");
        }
        String action = m.action().strip().toLowerCase(Locale.ROOT);
        if (m.version() != null && m.version() != c.getRowVersion()) throw new ConflictException("error.stale");
        Problems problems = new Problems();
        problems.text("note", m.note(), 2000);
        problems.throwIfAny();
        String note = blankToNull(m.note());
        CaseView before = view(c);
        String from = c.getStatus().name();
        Long toUnit = null;
        switch (action) {
            case "assign" -> toUnit = assign(c, m.unit(), note);
            case "answer" -> answer(c, note, m.evidence());
            case "return" -> sendBack(c, note);
            case "verify" -> {
                office(c);
                c.verify();
            }
            case "callback" -> {
                office(c);
                if (m.satisfied() == null) throw InvalidInputException.of("satisfied", "error.required");
                c.callback(m.satisfied());
            }
            case "close" -> {
                office(c);
                c.close(LocalDate.now(clock));
            }
            case "extend" -> extend(c, m.days(), note);
            case "merge" -> merge(c, m.into());
            default -> throw InvalidInputException.of("action", "cases.error.action");
        }
        cases.flush();
        // a 通报批评 counts against the unit that has the case, and not once merged: the cached 目标考核 moves
        if ((toUnit != null || action.equals("merge")) && criticised(c.getId())) changes.bump("cases");
        record(c, action, from, toUnit, note);
        CaseView after = view(c);
        audit.updated("Case", c.getId(), label(c), c.getUnitPath(), audited(before), audited(after));
        return after;
    }

    private Long assign(Case c, String unitCode, String note) {
        office(c);
        Problems problems = new Problems();
        problems.required("unit", unitCode);
        // a reassignment says why
        if (c.getStatus() == CaseStatus.ASSIGNED && note == null) problems.add("note", "cases.error.reason");
        problems.throwIfAny();
        OrgUnitRef unit = unit("unit", unitCode);
        Access.requireRole(unit.path(), Role.OFFICE, "org unit " + unitCode);
        c.assign(unit.id(), unit.path());
        return unit.id();
    }

    private void answer(Case c, String text, List<Long> evidence) {
        if (!worksOn(c.getUnitPath())) throw new ForbiddenException("error.forbidden");
        Problems problems = new Problems();
        problems.required("note", text);
        if (evidence != null && evidence.size() > 20) problems.add("evidence", "error.range", 0, 20);
        else evidenceStore.checkOwnedBy(c.getOrgUnitId(), evidence, "evidence", problems);
        problems.throwIfAny();
        c.answer(text, IdList.text(evidence));
    }

    /** 退回: the unit returns an assignment that is not its own, the office an answer that does not do; with why. */
    private void sendBack(Case c, String reason) {
        if (c.getStatus() == CaseStatus.ASSIGNED) {
            if (!worksOn(c.getUnitPath())) throw new ForbiddenException("error.forbidden");
        } else {
            office(c);
        }
        if (reason == null) throw InvalidInputException.of("note", "cases.error.reason");
        c.sendBack();
    }

    private void extend(Case c, Integer days, String reason) {
        office(c);
        Problems problems = new Problems();
        if (days == null) problems.add("days", "error.required");
        else if (days < 1 || days > MAX_EXTENSION) problems.add("days", "error.range", 1, MAX_EXTENSION);
        if (reason == null) problems.add("note", "cases.error.reason");
        problems.throwIfAny();
        WorkingDays.Deadline later = workingDays.deadline(c.getDue(), days);
        c.extend(later.due(), later.calendarMissing());
    }

    private void merge(Case c, Long into) {
        office(c);
        if (into == null) throw InvalidInputException.of("into", "error.required");
        Case earlier = cases.findById(into)
                .filter(e -> Access.can(Role.OFFICE, e.getUnitPath()))
                .orElseThrow(() -> InvalidInputException.of("into", "cases.error.merge"));
        if (earlier.getId() >= c.getId() || earlier.getStatus() == CaseStatus.MERGED) {
            throw InvalidInputException.of("into", "cases.error.merge");
        }
        c.mergeInto(earlier.getId());
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private Case readable(Long id) {
        Case c = id == null ? null : cases.findById(id).orElse(null);
        if (c == null) throw new NotFoundException("case " + id);
        Access.requireRead(c.getUnitPath(), "case " + id);
        return c;
    }

    /** A unit named in a field: one outside the caller's scope is refused next to it, like one that does not exist. */
    private OrgUnitRef unit(String field, String code) {
        try {
            return orgUnits.readable(code.strip());
        } catch (NotFoundException e) {
            throw InvalidInputException.of(field, "collection.error.unit-unknown", code.strip());
        }
    }

    private static void office(Case c) {
        Access.requireRole(c.getUnitPath(), Role.OFFICE, "case " + c.getId());
    }

    /** The unit itself acts: its clerk or head (grant at the unit), or an administrator. */
    static boolean worksOn(String unitPath) {
        return Access.grants().stream()
                .anyMatch(g -> (g.role() == Role.ADMIN && g.covers(unitPath))
                        || ((g.role() == Role.CLERK || g.role() == Role.HEAD) && unitPath.equals(g.path())));
    }

    /** The moves the current user may make on {@code c} now. */
    static List<String> actions(Case c) {
        List<String> actions = new ArrayList<>();
        boolean office = Access.can(Role.OFFICE, c.getUnitPath());
        boolean unit = worksOn(c.getUnitPath());
        switch (c.getStatus()) {
            case RECEIVED -> {
                if (office) actions.addAll(List.of("assign", "extend", "merge"));
            }
            case ASSIGNED -> {
                if (unit) actions.addAll(List.of("answer", "return"));
                if (office) actions.addAll(List.of("assign", "extend", "merge"));
            }
            case ANSWERED -> {
                if (office) actions.addAll(List.of("verify", "return", "extend"));
            }
            case VERIFIED -> {
                if (office && !c.isAnonymous()) actions.add("callback");
                if (office) actions.add("close");
            }
            case CALLED_BACK -> {
                if (office) actions.add("close");
            }
            default -> {}
        }
        return actions.stream().distinct().toList();
    }

    private void record(Case c, String action, String from, Long unitId, String note) {
        events.save(new CaseEvent(
                c.getId(),
                action,
                from,
                c.getStatus().name(),
                unitId,
                note,
                Access.currentUsername(),
                Instant.now(clock)));
        events.flush();
    }

    CaseView view(Case c) {
        return view(c, true);
    }

    private CaseView view(Case c, boolean withTimeline) {
        List<CaseEvent> steps = withTimeline ? events.findByCaseIdOrderByIdAsc(c.getId()) : List.of();
        List<Long> unitIds = new ArrayList<>();
        unitIds.add(c.getOrgUnitId());
        steps.stream()
                .map(CaseEvent::getOrgUnitId)
                .filter(java.util.Objects::nonNull)
                .forEach(unitIds::add);
        return view(c, steps, orgUnits.refs(unitIds), categories(), withTimeline ? escalations(c.getId()) : List.of());
    }

    private CaseView view(
            Case c,
            List<CaseEvent> steps,
            Map<Long, OrgUnitRef> refs,
            List<CategoryView> categories,
            List<CaseView.EscalationView> escalations) {
        OrgUnitRef u = refs.get(c.getOrgUnitId());
        CategoryView category = categories.stream()
                .filter(k -> k.code().equals(c.getCategory()))
                .findFirst()
                .orElse(new CategoryView(c.getCategory(), c.getCategory(), 0));
        boolean office = Access.can(Role.OFFICE, c.getUnitPath());
        LocalDate today = LocalDate.now(clock);
        return new CaseView(
                c.getId(),
                c.getChannel(),
                c.getCategory(),
                category.name(),
                category.timeLimit(),
                c.getDescription(),
                office ? new ReporterView(c.getReporterName(), c.getReporterPhone(), c.isAnonymous()) : null,
                c.getAddress(),
                c.getLatitude(),
                c.getLongitude(),
                IdList.of(c.getEvidenceIds()),
                u.code(),
                u.name(),
                c.getStatus().name(),
                c.getReceivedAt(),
                c.getReceivedOn(),
                c.getDue(),
                c.isCalendarMissing(),
                c.overdue(today),
                c.getAnswer(),
                IdList.of(c.getAnswerEvidence()),
                c.getSatisfied(),
                c.isCalledBack(),
                c.getClosedOn(),
                c.getClosedOn() == null ? null : !c.getClosedOn().isAfter(c.getDue()),
                c.getMergedInto(),
                c.getRowVersion(),
                steps.stream()
                        .map(e -> new Step(
                                e.getAction(),
                                e.getFromStatus(),
                                e.getToStatus(),
                                e.getOrgUnitId() == null
                                        ? null
                                        : refs.get(e.getOrgUnitId()).name(),
                                e.getNote(),
                                e.getActor(),
                                e.getAt()))
                        .toList(),
                escalations,
                actions(c));
    }

    private boolean criticised(Long id) {
        return jdbc.queryForObject(
                        "select count(*) from case_escalation where case_id = ? and stage = 'CRITICISM'",
                        Integer.class,
                        id)
                > 0;
    }

    private List<CaseView.EscalationView> escalations(Long id) {
        return jdbc.query(
                "select stage, at, number, issuer from case_escalation where case_id = ? order by id",
                (rs, i) -> new CaseView.EscalationView(
                        rs.getString(1),
                        rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getString(3),
                        rs.getString(4)),
                id);
    }

    /** What the audit log keeps of a case: everything but the reporter and the caller's buttons. */
    private static Map<String, Object> audited(CaseView v) {
        Map<String, Object> m = new TreeMap<>();
        m.put("channel", v.channel());
        m.put("category", v.category());
        m.put("description", v.description());
        m.put("unit", v.unit());
        m.put("status", v.status());
        m.put("due", String.valueOf(v.due()));
        if (v.answer() != null) m.put("answer", v.answer());
        if (v.satisfied() != null) m.put("satisfied", v.satisfied());
        if (v.closedOn() != null) m.put("closedOn", String.valueOf(v.closedOn()));
        if (v.mergedInto() != null) m.put("mergedInto", v.mergedInto());
        return m;
    }

    private static String label(Case c) {
        return "#" + c.getId() + " " + c.getCategory();
    }

    private static CategoryView category(Problems problems, String code, List<CategoryView> categories) {
        if (!problems.required("category", code)) return null;
        return categories.stream()
                .filter(k -> k.code().equalsIgnoreCase(code.strip()) || k.name().equals(code.strip()))
                .findFirst()
                .orElseGet(() -> {
                    problems.add("category", "cases.error.category");
                    return null;
                });
    }

    private static <E extends Enum<E>> E parse(Problems problems, String field, String text, Class<E> type) {
        if (!problems.required(field, text)) return null;
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(field, "cases.error." + field);
            return null;
        }
    }

    static CaseStatus parseStatus(String status) {
        try {
            return CaseStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("status", "cases.error.status");
        }
    }

    static boolean isPhone(String text) {
        return text.strip().matches("[0-9+\\- ]{3,40}");
    }

    private static void phone(Problems problems, String phone) {
        if (phone != null && !phone.isBlank() && !isPhone(phone)) {
            problems.add("reporterPhone", "cases.error.phone");
        }
    }

    private static void position(Problems problems, Double lat, Double lon) {
        if (lat != null && (lat.isNaN() || lat < -90 || lat > 90)) problems.add("latitude", "error.range", -90, 90);
        if (lon != null && (lon.isNaN() || lon < -180 || lon > 180))
            problems.add("longitude", "error.range", -180, 180);
    }

    /** Now, or the time the call came in: ISO date-time (local in the app's zone, or with offset) or a date. */
    private Instant receivedAt(Problems problems, String text) {
        if (text == null || text.isBlank()) return Instant.now(clock);
        Instant at;
        try {
            String t = text.strip();
            if (t.length() == 10)
                at = LocalDate.parse(t).atStartOfDay(clock.getZone()).toInstant();
            else if (t.endsWith("Z") || t.matches(".*[+-]\\d\\d:\\d\\d$"))
                at = OffsetDateTime.parse(t).toInstant();
            else at = LocalDateTime.parse(t).atZone(clock.getZone()).toInstant();
        } catch (DateTimeParseException e) {
            problems.add("receivedAt", "cases.error.received-at");
            return null;
        }
        LocalDate day = LocalDate.ofInstant(at, clock.getZone());
        if (!problems.saneDate("receivedAt", day)) return null;
        if (at.isAfter(Instant.now(clock))) {
            problems.add("receivedAt", "cases.error.future");
            return null;
        }
        return at;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
