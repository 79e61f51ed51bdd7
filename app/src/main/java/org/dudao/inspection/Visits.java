package org.dudao.inspection;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.dudao.audit.AuditLog;
import org.dudao.evidence.EvidenceStore;
import org.dudao.evidence.EvidenceView;
import org.dudao.inspection.internal.Inspector;
import org.dudao.inspection.internal.InspectorRepository;
import org.dudao.inspection.internal.Visit;
import org.dudao.inspection.internal.VisitFinding;
import org.dudao.inspection.internal.VisitFindingRepository;
import org.dudao.inspection.internal.VisitRepository;
import org.dudao.inspection.internal.ZoneSchool;
import org.dudao.inspection.internal.ZoneSchoolRepository;
import org.dudao.org.OrgUnitRef;
import org.dudao.org.OrgUnits;
import org.dudao.rectification.ItemView;
import org.dudao.rectification.Rectifications;
import org.dudao.shared.Access;
import org.dudao.shared.ForbiddenException;
import org.dudao.shared.IdList;
import org.dudao.shared.NotFoundException;
import org.dudao.shared.Problems;
import org.dudao.shared.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Visits of the responsible inspectors (七步法): planned by the inspector or the office, checked in at the school,
 * findings per supervision item (a finding may open a rectification item), report with feedback, and the head's
 * acknowledgement. An inspector with no other role sees only their own visits and schools; the office sees all of
 * its subtree, the school its own.
 */
@Service
public class Visits {

    /** The ratings of a finding. */
    public static final List<String> RATINGS = List.of("好", "较好", "一般", "差");

    private static final Set<Role> BESIDES_INSPECTOR = EnumSet.complementOf(EnumSet.of(Role.INSPECTOR, Role.PUBLIC));

    private final VisitRepository visits;
    private final VisitFindingRepository findings;
    private final InspectorRepository inspectors;
    private final ZoneSchoolRepository zoneSchools;
    private final Inspectors inspectorService;
    private final OrgUnits orgUnits;
    private final EvidenceStore evidence;
    private final Rectifications rectifications;
    private final AuditLog audit;
    private final Clock clock;

    Visits(
            VisitRepository visits,
            VisitFindingRepository findings,
            InspectorRepository inspectors,
            ZoneSchoolRepository zoneSchools,
            Inspectors inspectorService,
            OrgUnits orgUnits,
            EvidenceStore evidence,
            Rectifications rectifications,
            AuditLog audit,
            Clock clock) {
        this.visits = visits;
        this.findings = findings;
        this.inspectors = inspectors;
        this.zoneSchools = zoneSchools;
        this.inspectorService = inspectorService;
        this.orgUnits = orgUnits;
        this.evidence = evidence;
        this.rectifications = rectifications;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- reads ----------------------------------------------------------------------------------------------

    /** Visits the user may see, optionally of one inspector, one school and one month (yyyy-MM). */
    @Transactional(readOnly = true)
    public List<VisitView> list(Long inspectorId, String schoolCode, String month) {
        Problems problems = new Problems();
        LocalDate from = LocalDate.of(2000, 1, 1);
        LocalDate until = LocalDate.of(2101, 1, 1);
        if (month != null && !month.isBlank()) {
            try {
                YearMonth m = YearMonth.parse(month.trim());
                from = m.atDay(1);
                until = m.plusMonths(1).atDay(1);
                problems.saneDate("month", from);
            } catch (DateTimeParseException e) {
                problems.add("month", "error.type-mismatch");
            }
        }
        problems.throwIfAny();
        if (inspectorId != null) inspectorService.readable(inspectorId);
        List<String> prefixes = schoolCode == null || schoolCode.isBlank()
                ? Access.pathsWith(Role.STAFF)
                : List.of(orgUnits.readable(schoolCode.trim()).path());
        Map<Long, Visit> found = new TreeMap<>();
        for (String prefix : prefixes) {
            for (Visit v : visits.findUnder(prefix == null ? "/" : prefix, from, until)) {
                found.putIfAbsent(v.getId(), v);
            }
        }
        Set<Long> mine = mine();
        return views(found.values().stream()
                .filter(v -> inspectorId == null || inspectorId.equals(v.getInspectorId()))
                .filter(v -> visible(v, mine))
                .sorted((a, b) -> a.getPlannedOn().equals(b.getPlannedOn())
                        ? a.getId().compareTo(b.getId())
                        : a.getPlannedOn().compareTo(b.getPlannedOn()))
                .toList());
    }

    @Transactional(readOnly = true)
    public VisitView get(Long id) {
        return views(List.of(readable(id))).get(0);
    }

    /** What the user may do with a visit, so the screens offer only what will pass. */
    public record Actions(boolean act, boolean acknowledge) {}

    @Transactional(readOnly = true)
    public Actions actions(VisitView v) {
        Visit visit = readable(v.id());
        return new Actions(mayAct(visit, mine()), Access.can(EnumSet.of(Role.HEAD), visit.getSchoolPath()));
    }

    /** Schools the user may plan visits to: as inspector their assigned ones (the office: none listed here). */
    @Transactional(readOnly = true)
    public List<OrgUnitRef> mySchools() {
        List<Long> ids = new ArrayList<>();
        for (Long i : mine()) zoneSchools.findByInspectorId(i).forEach(s -> ids.add(s.getSchoolId()));
        return orgUnits.refs(ids).values().stream()
                .sorted((a, b) -> a.code().compareTo(b.code()))
                .toList();
    }

    // ---- the seven steps -------------------------------------------------------------------------------------

    /** 申报备案 / 团队分工 / 制定方案: a visit to one school on a day, with its purpose, team and items. */
    @Transactional
    public VisitView plan(VisitRequest r) {
        Problems problems = new Problems();
        if (r == null || !problems.required("school", r.school())) problems.throwIfAny();
        OrgUnitRef school = orgUnits.readable(r.school().trim());
        Set<Long> mine = mine();
        boolean office = Access.can(Role.OFFICE, school.path());
        Long responsible = zoneSchools
                .findById(school.id())
                .map(ZoneSchool::getInspectorId)
                .orElse(null);
        if (!office && (responsible == null || !mine.contains(responsible))) {
            throw new ForbiddenException("error.forbidden");
        }
        if (!school.kind().isSchool()) problems.add("school", "inspection.error.not-a-school");
        Long inspectorId = r.inspector() != null ? r.inspector() : responsible;
        Inspector inspector =
                inspectorId == null ? null : inspectors.findById(inspectorId).orElse(null);
        if (inspector == null
                || !school.path().startsWith(inspector.getOfficePath())
                || (!office && !mine.contains(inspector.getId()))) {
            problems.add("inspector", "inspection.error.inspector-unknown");
        }
        LocalDate day = Inspectors.date(problems, "date", r.date());
        if (r.date() == null || r.date().isBlank()) problems.add("date", "error.required");
        if (problems.required("purpose", r.purpose())) problems.text("purpose", r.purpose(), 1000);
        problems.name("team", r.team(), 300);
        List<String> items = items(problems, r.items());
        problems.throwIfAny();
        Visit v = visits.saveAndFlush(new Visit(
                inspector.getId(),
                school.id(),
                school.path(),
                day,
                r.purpose().trim(),
                Inspectors.blankToNull(r.team()),
                String.join(",", items),
                Access.currentUsername(),
                now()));
        VisitView view = get(v.getId());
        audit.created("Visit", v.getId(), school.name(), school.path(), view);
        return view;
    }

    /** 收集信息 begins: the inspector is at the school. */
    @Transactional
    public VisitView checkIn(Long id) {
        Visit v = actable(id);
        VisitView before = get(id);
        v.checkIn(now());
        return saved(v, before);
    }

    /** A photo taken on site (PNG or JPEG), filed as the school's evidence of the year, for a finding. */
    @Transactional
    public EvidenceView photo(Long id, InputStream content, String fileName) throws IOException {
        Visit v = actable(id);
        v.expectOnSite();
        OrgUnitRef school = orgUnits.readable(v.getSchoolId());
        return evidence.uploadPhoto(
                content,
                fileName,
                school.code(),
                String.valueOf(v.getPlannedOn().getYear()));
    }

    /** 现场评估: one finding; with {@code rectify} it opens a rectification item (source INSPECTION) for the school. */
    @Transactional
    public VisitView addFinding(Long id, FindingRequest r) {
        Visit v = actable(id);
        v.expectOnSite();
        Problems problems = new Problems();
        if (r == null) problems.required("finding", null);
        problems.throwIfAny();
        SupervisionItem item = SupervisionItem.parse(r.item()).orElse(null);
        if (item == null) problems.add("item", "inspection.error.item");
        if (problems.required("finding", r.finding())) problems.text("finding", r.finding(), 2000);
        String rating = r.rating() == null ? null : r.rating().trim();
        if (!RATINGS.contains(rating)) problems.add("rating", "inspection.error.rating", String.join("、", RATINGS));
        if (r.evidence() != null && r.evidence().size() > 20) problems.add("evidence", "error.range", 0, 20);
        else evidence.checkOwnedBy(v.getSchoolId(), r.evidence(), "evidence", problems);
        boolean rectify = Boolean.TRUE.equals(r.rectify());
        LocalDate deadline = rectify ? Inspectors.date(problems, "deadline", r.deadline()) : null;
        if (rectify && deadline == null && (r.deadline() == null || r.deadline().isBlank())) {
            problems.add("deadline", "error.required");
        }
        if (rectify) problems.text("requirement", r.requirement(), 2000);
        problems.throwIfAny();
        VisitView before = get(id);
        List<Long> photos = r.evidence() == null
                ? List.of()
                : r.evidence().stream().filter(Objects::nonNull).distinct().toList();
        VisitFinding f = findings.saveAndFlush(
                new VisitFinding(v.getId(), item.name(), r.finding().trim(), rating, IdList.text(photos), now()));
        if (rectify) {
            OrgUnitRef school = orgUnits.readable(v.getSchoolId());
            ItemView opened = rectifications.openFromInspection(
                    school.code(),
                    "VISIT-" + v.getId(),
                    item.name(),
                    r.finding().trim(),
                    r.requirement(),
                    deadline);
            f.rectifiedAs(opened.id());
            findings.saveAndFlush(f);
        }
        VisitView after = get(id);
        audit.updated("Visit", v.getId(), after.schoolName(), v.getSchoolPath(), before, after);
        return after;
    }

    /** A finding with the photo taken for it (the phone screen sends both at once): all or nothing. */
    @Transactional
    public VisitView addFinding(Long id, FindingRequest r, InputStream photo, String fileName) throws IOException {
        if (photo == null) return addFinding(id, r);
        EvidenceView file = photo(id, photo, fileName);
        return addFinding(
                id,
                new FindingRequest(
                        r.item(),
                        r.finding(),
                        r.rating(),
                        List.of(file.id()),
                        r.rectify(),
                        r.requirement(),
                        r.deadline()));
    }

    /** 形成报告并反馈: the report and the feedback to the school. */
    @Transactional
    public VisitView report(Long id, String report, String feedback) {
        Visit v = actable(id);
        Problems problems = new Problems();
        if (problems.required("report", report)) problems.text("report", report, 4000);
        problems.text("feedback", feedback, 4000);
        problems.throwIfAny();
        VisitView before = get(id);
        v.report(report.trim(), Inspectors.blankToNull(feedback), now());
        return saved(v, before);
    }

    /** The head has read the report and feedback. */
    @Transactional
    public VisitView acknowledge(Long id) {
        Visit v = readable(id);
        if (!Access.can(EnumSet.of(Role.HEAD), v.getSchoolPath())) throw new ForbiddenException("error.forbidden");
        VisitView before = get(id);
        v.acknowledge(Access.currentUsername(), now());
        return saved(v, before);
    }

    // ---- rules -----------------------------------------------------------------------------------------------

    private List<String> items(Problems problems, List<String> codes) {
        if (codes == null || codes.isEmpty()) {
            return Arrays.stream(SupervisionItem.values()).map(Enum::name).toList();
        }
        Set<String> out = new LinkedHashSet<>();
        for (String c : codes) {
            SupervisionItem.parse(c)
                    .ifPresentOrElse(i -> out.add(i.name()), () -> problems.add("items", "inspection.error.item"));
        }
        return List.copyOf(out);
    }

    /** The inspector records of the signed-in user. */
    private Set<Long> mine() {
        Set<Long> ids = new HashSet<>();
        inspectors.findByUsernameOrderByIdAsc(Access.currentUsername()).forEach(i -> ids.add(i.getId()));
        return ids;
    }

    /** An inspector with no other role there sees only their visits and the visits of their schools. */
    private boolean visible(Visit v, Set<Long> mine) {
        if (!Access.canRead(v.getSchoolPath())) return false;
        if (Access.can(BESIDES_INSPECTOR, v.getSchoolPath())) return true;
        return mine.contains(v.getInspectorId())
                || zoneSchools
                        .findById(v.getSchoolId())
                        .map(s -> mine.contains(s.getInspectorId()))
                        .orElse(false);
    }

    private boolean mayAct(Visit v, Set<Long> mine) {
        return mine.contains(v.getInspectorId()) || Access.can(Role.OFFICE, v.getSchoolPath());
    }

    private Visit readable(Long id) {
        Visit v = id == null ? null : visits.findById(id).orElse(null);
        if (v == null || !visible(v, mine())) throw new NotFoundException("visit " + id);
        return v;
    }

    private Visit actable(Long id) {
        Visit v = readable(id);
        if (!mayAct(v, mine())) throw new ForbiddenException("error.forbidden");
        return v;
    }

    private VisitView saved(Visit v, VisitView before) {
        visits.flush();
        VisitView after = get(v.getId());
        audit.updated("Visit", v.getId(), after.schoolName(), v.getSchoolPath(), before, after);
        return after;
    }

    private List<VisitView> views(List<Visit> list) {
        Map<Long, OrgUnitRef> units =
                orgUnits.refs(list.stream().map(Visit::getSchoolId).toList());
        Map<Long, Inspector> people =
                inspectors.byIds(list.stream().map(Visit::getInspectorId).toList());
        Map<Long, List<VisitView.Finding>> byVisit = new TreeMap<>();
        if (!list.isEmpty()) {
            for (VisitFinding f : findings.findByVisitIdInOrderByIdAsc(
                    list.stream().map(Visit::getId).toList())) {
                byVisit.computeIfAbsent(f.getVisitId(), k -> new ArrayList<>())
                        .add(new VisitView.Finding(
                                f.getId(),
                                f.getItem(),
                                f.getFinding(),
                                f.getRating(),
                                IdList.of(f.getEvidenceIds()),
                                f.getRectificationId()));
            }
        }
        return list.stream()
                .map(v -> {
                    OrgUnitRef s = units.get(v.getSchoolId());
                    Inspector i = people.get(v.getInspectorId());
                    return new VisitView(
                            v.getId(),
                            s.code(),
                            s.name(),
                            v.getInspectorId(),
                            i == null ? null : i.getName(),
                            v.getPlannedOn(),
                            v.getPurpose(),
                            v.getTeam(),
                            List.of(v.getItems().split(",")),
                            v.getStatus().name(),
                            v.getCheckedInAt(),
                            byVisit.getOrDefault(v.getId(), List.of()),
                            v.getReport(),
                            v.getFeedback(),
                            v.getAcknowledgedBy(),
                            v.getAcknowledgedAt(),
                            v.getRowVersion());
                })
                .toList();
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
