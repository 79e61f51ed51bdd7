package org.dudao.inspection;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.dudao.audit.AuditLog;
import org.dudao.evaluation.EvaluationStats;
import org.dudao.evidence.EvidenceStore;
import org.dudao.evidence.EvidenceView;
import org.dudao.inspection.internal.Inspector;
import org.dudao.inspection.internal.InspectorRepository;
import org.dudao.inspection.internal.PlaqueRevocation;
import org.dudao.inspection.internal.PlaqueRevocationRepository;
import org.dudao.inspection.internal.SpecialCheck;
import org.dudao.inspection.internal.SpecialCheckRepository;
import org.dudao.inspection.internal.SpecialCheckResult;
import org.dudao.inspection.internal.SpecialCheckResultRepository;
import org.dudao.inspection.internal.SpecialInspection;
import org.dudao.inspection.internal.SpecialInspectionItem;
import org.dudao.inspection.internal.SpecialInspectionItemRepository;
import org.dudao.inspection.internal.SpecialInspectionRepository;
import org.dudao.inspection.internal.ZoneSchool;
import org.dudao.inspection.internal.ZoneSchoolRepository;
import org.dudao.org.OrgKind;
import org.dudao.org.OrgUnitRef;
import org.dudao.org.OrgUnits;
import org.dudao.rectification.ItemView;
import org.dudao.rectification.Rectifications;
import org.dudao.scheme.SchemeDoc;
import org.dudao.scheme.Schemes;
import org.dudao.shared.Access;
import org.dudao.shared.ConflictException;
import org.dudao.shared.ForbiddenException;
import org.dudao.shared.IdList;
import org.dudao.shared.NotFoundException;
import org.dudao.shared.Problems;
import org.dudao.shared.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 专项督查 and 回头看: the county's office launches one over the schools it selects, each school's check goes to its
 * responsible inspector or, 交叉督导, to any inspector of the county the office names; the inspector records the
 * checklist and submits; a failed check opens rectification items (source INSPECTION); a failed 回头看 is
 * re-checked, and after a failed re-check the office may revoke the school's plaque (摘牌). The office sees every
 * check, an inspector only those assigned to them (even outside their zone and scope), a school its own.
 */
@Service
public class SpecialInspections {

    public static final List<String> KINDS = List.of(SpecialInspection.SPECIAL, SpecialInspection.REVISIT);

    /** Days a school gets to rectify when the submit names no date. */
    static final int RECTIFY_DAYS = 30;

    private static final Set<Role> BESIDES_INSPECTOR = EnumSet.complementOf(EnumSet.of(Role.INSPECTOR, Role.PUBLIC));
    private static final Set<Role> OPENERS = EnumSet.of(Role.ADMIN, Role.DIRECTOR, Role.INSPECTOR);

    private final SpecialInspectionRepository inspections;
    private final SpecialInspectionItemRepository items;
    private final SpecialCheckRepository checks;
    private final SpecialCheckResultRepository results;
    private final PlaqueRevocationRepository revocations;
    private final InspectorRepository inspectors;
    private final ZoneSchoolRepository zoneSchools;
    private final OrgUnits orgUnits;
    private final Schemes schemes;
    private final EvaluationStats evaluations;
    private final EvidenceStore evidence;
    private final Rectifications rectifications;
    private final AuditLog audit;
    private final Clock clock;

    SpecialInspections(
            SpecialInspectionRepository inspections,
            SpecialInspectionItemRepository items,
            SpecialCheckRepository checks,
            SpecialCheckResultRepository results,
            PlaqueRevocationRepository revocations,
            InspectorRepository inspectors,
            ZoneSchoolRepository zoneSchools,
            OrgUnits orgUnits,
            Schemes schemes,
            EvaluationStats evaluations,
            EvidenceStore evidence,
            Rectifications rectifications,
            AuditLog audit,
            Clock clock) {
        this.inspections = inspections;
        this.items = items;
        this.checks = checks;
        this.results = results;
        this.revocations = revocations;
        this.inspectors = inspectors;
        this.zoneSchools = zoneSchools;
        this.orgUnits = orgUnits;
        this.schemes = schemes;
        this.evaluations = evaluations;
        this.evidence = evidence;
        this.rectifications = rectifications;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- reads ----------------------------------------------------------------------------------------------

    /** The special inspections the user sees something of, newest first. */
    @Transactional(readOnly = true)
    public List<SpecialInspectionView> list() {
        Map<Long, SpecialInspection> found = new TreeMap<>();
        for (String prefix : Access.pathsWith(Role.STAFF)) {
            String p = prefix == null ? "/" : prefix;
            inspections.findUnder(p).forEach(s -> found.put(s.getId(), s));
            List<Long> ids = checks.findUnder(p).stream()
                    .map(SpecialCheck::getInspectionId)
                    .distinct()
                    .toList();
            inspections.findAllById(ids).forEach(s -> found.put(s.getId(), s));
        }
        Set<Long> mine = mine();
        if (!mine.isEmpty()) {
            List<Long> ids = checks.findByInspectorIdIn(mine).stream()
                    .map(SpecialCheck::getInspectionId)
                    .distinct()
                    .toList();
            inspections.findAllById(ids).forEach(s -> found.put(s.getId(), s));
        }
        return found.values().stream()
                .sorted((a, b) -> b.getId().compareTo(a.getId()))
                .filter(s -> readsWhole(s, mine))
                .map(s -> view(s, mine))
                .filter(v -> v != null)
                .toList();
    }

    @Transactional(readOnly = true)
    public SpecialInspectionView get(Long id) {
        SpecialInspection s = readable(id);
        if (!readsWhole(s, mine())) {
            throw new NotFoundException("special inspection " + id);
        }
        return view(s, mine());
    }

    /** The inspection as a reader of one of its checks sees it: a school or township its own checks only. */
    @Transactional(readOnly = true)
    public SpecialInspectionView forCheck(Long id) {
        return view(readable(id), mine());
    }

    /** Whether the caller reads the whole inspection ({@link #get}): its office and its inspectors. */
    @Transactional(readOnly = true)
    public boolean readsWhole(Long id) {
        return readsWhole(readable(id), mine());
    }

    private boolean readsWhole(SpecialInspection s, Set<Long> mine) {
        return Access.can(Role.OFFICE, s.getCountyPath())
                || checks.findByInspectionIdOrderBySchoolPathAsc(s.getId()).stream()
                        .anyMatch(c -> c.getInspectorId() != null && mine.contains(c.getInspectorId()));
    }

    /** One school's check of a special inspection, as the caller may see it. */
    @Transactional(readOnly = true)
    public SpecialInspectionView.Check check(Long id, String schoolCode) {
        SpecialInspection s = readable(id);
        SpecialCheck c = visibleCheck(s, schoolCode);
        return checkViews(s, List.of(c)).get(0);
    }

    /** What the user may do: launch and assign (the office), record (the check's inspector or the office). */
    public record Actions(boolean manage, boolean record) {}

    @Transactional(readOnly = true)
    public Actions actions(Long id, String schoolCode) {
        SpecialInspection s = readable(id);
        boolean office = Access.can(Role.OFFICE, s.getCountyPath());
        if (schoolCode == null) return new Actions(office, false);
        SpecialCheck c = visibleCheck(s, schoolCode);
        return new Actions(office, office || mine().contains(c.getInspectorId()));
    }

    /** Whether the user may launch a special inspection somewhere. */
    public boolean canLaunch() {
        return Access.holdsAny(Role.OFFICE);
    }

    /** The inspectors the office may assign in the inspection's county, by name. */
    @Transactional(readOnly = true)
    public List<InspectorChoice> assignable(Long id) {
        SpecialInspection s = readable(id);
        Access.requireRole(s.getCountyPath(), Role.OFFICE, "special inspection " + id);
        return inspectors.findAll().stream()
                .filter(i -> i.getOfficePath().startsWith(s.getCountyPath()))
                .sorted((a, b) -> a.getName().compareTo(b.getName()))
                .map(i -> new InspectorChoice(i.getId(), i.getName()))
                .toList();
    }

    public record InspectorChoice(Long id, String name) {}

    /** The plaque revocation (摘牌) of a school, for the public plaque page and the school's history; null: none. */
    @Transactional(readOnly = true)
    public SpecialInspectionView.Revocation revocation(Long schoolId) {
        return revocations
                .findBySchoolId(schoolId)
                .map(SpecialInspections::view)
                .orElse(null);
    }

    /** The checks of the schools under a unit the user may see, newest first, for the unit page. */
    @Transactional(readOnly = true)
    public List<SchoolCheck> history(String unitCode) {
        OrgUnitRef unit = orgUnits.readable(unitCode);
        Set<Long> mine = mine();
        List<SchoolCheck> out = new ArrayList<>();
        List<SpecialCheck> list = checks.findUnder(unit.path());
        Map<Long, SpecialInspection> byId = Inspectors.byId(
                inspections.findAllById(list.stream()
                        .map(SpecialCheck::getInspectionId)
                        .distinct()
                        .toList()),
                SpecialInspection::getId);
        Map<Long, OrgUnitRef> units =
                orgUnits.refs(list.stream().map(SpecialCheck::getSchoolId).toList());
        for (SpecialCheck c : list) {
            SpecialInspection s = byId.get(c.getInspectionId());
            if (!visible(s, c, mine)) continue;
            out.add(new SchoolCheck(
                    s.getId(),
                    s.getKind(),
                    s.getTitle(),
                    units.get(c.getSchoolId()).code(),
                    units.get(c.getSchoolId()).name(),
                    c.getStatus(),
                    c.getPassed(),
                    c.getRecheckPassed(),
                    revocation(c.getSchoolId())));
        }
        out.sort((a, b) -> b.inspection().compareTo(a.inspection()));
        return out;
    }

    /** A line of a unit's history of special inspections. */
    public record SchoolCheck(
            Long inspection,
            String kind,
            String title,
            String school,
            String schoolName,
            String status,
            Boolean passed,
            Boolean recheckPassed,
            SpecialInspectionView.Revocation revocation) {}

    // ---- the office ------------------------------------------------------------------------------------------

    /** Launches a special inspection: its checklist, deadline and schools, each school's check to its inspector. */
    @Transactional
    public SpecialInspectionView launch(SpecialInspectionRequest r) {
        Problems problems = new Problems();
        if (r == null || !problems.required("county", r.county())) problems.throwIfAny();
        OrgUnitRef county = orgUnits.readable(r.county().trim());
        Access.requireRole(county.path(), Role.OFFICE, "org unit " + county.code());
        if (county.kind().level() != OrgKind.Level.COUNTY) problems.add("county", "inspection.error.not-a-county");
        String kind = r.kind() == null || r.kind().isBlank()
                ? SpecialInspection.SPECIAL
                : r.kind().trim().toUpperCase(java.util.Locale.ROOT);
        if (!KINDS.contains(kind)) problems.add("kind", "inspection.error.special-kind", String.join(", ", KINDS));
        if (problems.required("title", r.title())) problems.name("title", r.title(), 200);
        LocalDate deadline = Inspectors.date(problems, "deadline", r.deadline());
        if (r.deadline() == null || r.deadline().isBlank()) problems.add("deadline", "error.required");

        // the checklist: a scheme's top indicators, scored, or supervision items, rated
        List<SpecialInspectionView.Item> checklist = new ArrayList<>();
        String schemeCode = Inspectors.blankToNull(r.scheme());
        Integer schemeVersion = null;
        Double passLine = null;
        if (schemeCode != null) {
            SchemeDoc doc = scheme(schemeCode);
            if (doc == null) {
                problems.add("scheme", "inspection.error.scheme-unknown");
            } else {
                schemeVersion = doc.version();
                double max = 0;
                for (SchemeDoc.Indicator i : doc.indicators()) {
                    if (i.isBonus() || i.points() == null) continue;
                    checklist.add(new SpecialInspectionView.Item(i.code(), i.name(), i.points()));
                    max += i.points();
                }
                passLine = r.passLine() != null ? r.passLine() : passLine(doc, max);
                if (passLine.isNaN() || passLine < 0 || passLine > max) problems.add("passLine", "error.range", 0, max);
            }
        } else {
            for (String code : supervisionItems(problems, r.items())) {
                checklist.add(new SpecialInspectionView.Item(code, code, null));
            }
        }

        // the schools: of the county, matching every criterion given
        Set<OrgKind> kinds = new LinkedHashSet<>();
        if (r.kinds() != null) {
            for (String k : r.kinds()) {
                OrgKind.parse(k)
                        .filter(OrgKind::isSchool)
                        .ifPresentOrElse(kinds::add, () -> problems.add("kinds", "inspection.error.school-kind"));
            }
        }
        List<OrgUnitRef> townships = new ArrayList<>();
        if (r.townships() != null) {
            for (String t : r.townships()) {
                OrgUnitRef unit = t == null
                        ? null
                        : orgUnits.readableByCode(List.of(t.trim())).get(t.trim());
                if (unit == null
                        || unit.kind().level() != OrgKind.Level.TOWNSHIP
                        || !unit.path().startsWith(county.path())) {
                    problems.add("townships", "inspection.error.township", t);
                } else {
                    townships.add(unit);
                }
            }
        }
        Integer since = r.plaqueSince();
        if (since != null && (since < 2000 || since > 2100)) problems.add("plaqueSince", "error.range", 2000, 2100);
        if (SpecialInspection.REVISIT.equals(kind) && since == null) problems.add("plaqueSince", "error.required");
        if (kinds.isEmpty() && townships.isEmpty() && since == null && problems.isEmpty()) {
            problems.add("kinds", "inspection.error.special-selection");
        }
        problems.throwIfAny();
        Map<Long, Integer> holders = since == null ? null : evaluations.plaqueHolders(county.path(), since);
        List<OrgUnitRef> schools = orgUnits.subtree(county.code()).stream()
                .filter(u -> u.kind().isSchool())
                .filter(u -> kinds.isEmpty() || kinds.contains(u.kind()))
                .filter(u -> townships.isEmpty()
                        || townships.stream().anyMatch(t -> u.path().startsWith(t.path())))
                .filter(u -> holders == null || (holders.containsKey(u.id()) && !revocations.existsBySchoolId(u.id())))
                .sorted((a, b) -> a.path().compareTo(b.path()))
                .toList();
        if (schools.isEmpty())
            problems.add("kinds", "inspection.error.special-none").throwIfAny();

        List<String> selection = new ArrayList<>();
        if (!kinds.isEmpty())
            selection.add(String.join("、", kinds.stream().map(OrgKind::label).toList()));
        if (!townships.isEmpty())
            selection.add(
                    String.join("、", townships.stream().map(OrgUnitRef::name).toList()));
        if (since != null) selection.add("≥" + since);
        SpecialInspection s = inspections.saveAndFlush(new SpecialInspection(
                kind,
                r.title().trim(),
                county.id(),
                county.path(),
                schemeCode,
                schemeVersion,
                passLine,
                deadline,
                String.join(" · ", selection),
                Access.currentUsername(),
                now()));
        for (int i = 0; i < checklist.size(); i++) {
            SpecialInspectionView.Item item = checklist.get(i);
            items.save(new SpecialInspectionItem(s.getId(), i, item.code(), item.name(), item.points()));
        }
        for (OrgUnitRef school : schools) {
            checks.save(new SpecialCheck(s.getId(), school.id(), school.path(), responsible(school.id())));
        }
        checks.flush();
        SpecialInspectionView view = get(s.getId());
        audit.created("SpecialInspection", s.getId(), s.getTitle(), county.path(), view);
        return view;
    }

    /** 交叉督导: the office gives a school's check to any inspector of the county, in or outside the school's zone. */
    @Transactional
    public SpecialInspectionView.Check assign(Long id, String schoolCode, Long inspectorId) {
        SpecialInspection s = readable(id);
        Access.requireRole(s.getCountyPath(), Role.OFFICE, "special inspection " + id);
        Problems problems = new Problems();
        if (schoolCode == null || schoolCode.isBlank()) problems.add("school", "error.required");
        Inspector inspector =
                inspectorId == null ? null : inspectors.findById(inspectorId).orElse(null);
        if (inspector == null || !inspector.getOfficePath().startsWith(s.getCountyPath())) {
            problems.add("inspector", "inspection.error.inspector-unknown");
        }
        problems.throwIfAny();
        SpecialCheck c = checkOf(s, schoolCode.trim());
        if (c == null) throw org.dudao.shared.InvalidInputException.of("school", "inspection.error.special-school");
        SpecialInspectionView.Check before = checkViews(s, List.of(c)).get(0);
        c.assign(inspector.getId(), !Objects.equals(responsible(c.getSchoolId()), inspector.getId()));
        checks.flush();
        SpecialInspectionView.Check after = checkViews(s, List.of(c)).get(0);
        audit.updated("SpecialCheck", c.getId(), after.schoolName(), c.getSchoolPath(), before, after);
        return after;
    }

    /** 摘牌 after a failed 回头看 and a failed re-check: the office of the school, with a reason. */
    @Transactional
    public SpecialInspectionView.Revocation revoke(String schoolCode, String reason) {
        OrgUnitRef school = orgUnits.readable(schoolCode == null ? "" : schoolCode.trim());
        Access.requireRole(school.path(), Role.OFFICE, "org unit " + school.code());
        Problems problems = new Problems();
        if (problems.required("reason", reason)) problems.text("reason", reason, 1000);
        problems.throwIfAny();
        if (revocations.existsBySchoolId(school.id())) throw new ConflictException("inspection.error.revoked");
        SpecialCheck failed = checks.findBySchoolIdOrderByIdDesc(school.id()).stream()
                .filter(SpecialCheck::failedTwice)
                .filter(c -> inspections
                        .findById(c.getInspectionId())
                        .map(SpecialInspection::isRevisit)
                        .orElse(false))
                .findFirst()
                .orElseThrow(() -> new ConflictException("inspection.error.revoke-not-failed"));
        PlaqueRevocation rev = revocations.saveAndFlush(new PlaqueRevocation(
                school.id(), school.path(), failed.getId(), reason.trim(), Access.currentUsername(), now()));
        SpecialInspectionView.Revocation view = view(rev);
        audit.created("PlaqueRevocation", rev.getId(), school.name(), school.path(), view);
        return view;
    }

    // ---- the inspector ---------------------------------------------------------------------------------------

    /** A photo for a check (PNG or JPEG), filed as the school's evidence of the year. */
    @Transactional
    public EvidenceView photo(Long id, String schoolCode, InputStream content, String fileName) throws IOException {
        SpecialInspection s = readable(id);
        SpecialCheck c = actable(s, schoolCode);
        c.expectOpen();
        OrgUnitRef school = unit(c.getSchoolId());
        AtomicReference<IOException> failure = new AtomicReference<>();
        EvidenceView file = onBehalf(c.getSchoolPath(), () -> {
            try {
                return evidence.uploadPhoto(
                        content,
                        fileName,
                        school.code(),
                        String.valueOf(LocalDate.now(clock).getYear()));
            } catch (IOException e) {
                failure.set(e);
                return null;
            }
        });
        if (failure.get() != null) throw failure.get();
        return file;
    }

    /** Records results of a check and, with {@code submit}, closes it; a failed check opens rectification items. */
    @Transactional
    public SpecialInspectionView.Check record(Long id, String schoolCode, CheckRequest r) {
        SpecialInspection s = readable(id);
        SpecialCheck c = actable(s, schoolCode);
        c.expectOpen();
        SpecialInspectionView.Check before = checkViews(s, List.of(c)).get(0);
        Map<String, SpecialInspectionItem> checklist = new HashMap<>();
        items.findByInspectionIdOrderByPositionAsc(s.getId()).forEach(i -> checklist.put(i.getCode(), i));
        boolean scored = s.getSchemeCode() != null;
        Problems problems = new Problems();
        List<CheckRequest.Result> given = r == null || r.results() == null ? List.of() : r.results();
        Set<String> seen = new HashSet<>();
        for (int n = 0; n < given.size(); n++) {
            CheckRequest.Result x = given.get(n);
            String f = "results[" + n + "].";
            SpecialInspectionItem item = x == null || x.item() == null
                    ? null
                    : checklist.get(x.item().trim());
            if (item == null || !seen.add(item.getCode())) {
                problems.add(f + "item", "inspection.error.item");
                continue;
            }
            if (scored) {
                if (x.score() == null) problems.add(f + "score", "error.required");
                else if (x.score().isNaN() || x.score() < 0 || x.score() > item.getPoints())
                    problems.add(f + "score", "error.range", 0, item.getPoints());
            } else if (!Visits.RATINGS.contains(
                    x.rating() == null ? null : x.rating().trim())) {
                problems.add(f + "rating", "inspection.error.rating", String.join("、", Visits.RATINGS));
            }
            problems.text(f + "finding", x.finding(), 2000);
            if (x.evidence() != null && x.evidence().size() > 20) problems.add(f + "evidence", "error.range", 0, 20);
            else evidence.checkOwnedBy(c.getSchoolId(), x.evidence(), f + "evidence", problems);
        }
        if (r != null) problems.text("summary", r.summary(), 2000);
        boolean submit = r != null && Boolean.TRUE.equals(r.submit());
        LocalDate rectifyBy = r == null ? null : Inspectors.date(problems, "rectifyBy", r.rectifyBy());
        problems.throwIfAny();
        for (CheckRequest.Result x : given) {
            String code = x.item().trim();
            SpecialCheckResult row = results.findByCheckIdAndItemCode(c.getId(), code)
                    .orElseGet(() -> new SpecialCheckResult(c.getId(), code));
            List<Long> photos = x.evidence() == null
                    ? List.of()
                    : x.evidence().stream().filter(Objects::nonNull).distinct().toList();
            row.record(
                    scored ? null : x.rating().trim(),
                    scored ? x.score() : null,
                    Inspectors.blankToNull(x.finding()),
                    IdList.text(photos));
            results.save(row);
        }
        results.flush();
        if (submit) submit(s, c, checklist, r.summary(), rectifyBy);
        checks.flush();
        SpecialInspectionView.Check after = checkViews(s, List.of(c)).get(0);
        audit.updated("SpecialCheck", c.getId(), after.schoolName(), c.getSchoolPath(), before, after);
        return after;
    }

    /** A photo taken for one checklist item. */
    public record Photo(String item, InputStream content, String fileName) {}

    /** Results with the photos taken for them (the phone form sends both at once): all or nothing. */
    @Transactional
    public SpecialInspectionView.Check record(Long id, String schoolCode, CheckRequest r, List<Photo> photos)
            throws IOException {
        if (photos == null || photos.isEmpty() || r == null || r.results() == null) return record(id, schoolCode, r);
        Map<String, List<Long>> taken = new HashMap<>();
        for (Photo p : photos) {
            EvidenceView file = photo(id, schoolCode, p.content(), p.fileName());
            taken.computeIfAbsent(p.item(), k -> new ArrayList<>()).add(file.id());
        }
        List<CheckRequest.Result> results = r.results().stream()
                .map(x -> {
                    if (x == null || x.item() == null || !taken.containsKey(x.item())) return x;
                    List<Long> ids = new ArrayList<>(x.evidence() == null ? List.of() : x.evidence());
                    ids.addAll(taken.get(x.item()));
                    return new CheckRequest.Result(x.item(), x.rating(), x.score(), x.finding(), ids);
                })
                .toList();
        return record(id, schoolCode, new CheckRequest(results, r.summary(), r.submit(), r.rectifyBy()));
    }

    /** The re-check of a failed school by its inspector once the rectification was reported. */
    @Transactional
    public SpecialInspectionView.Check recheck(Long id, String schoolCode, Boolean passed, String note) {
        SpecialInspection s = readable(id);
        SpecialCheck c = actable(s, schoolCode);
        Problems problems = new Problems();
        if (passed == null) problems.add("passed", "error.required");
        if (problems.required("note", note)) problems.text("note", note, 2000);
        problems.throwIfAny();
        SpecialInspectionView.Check before = checkViews(s, List.of(c)).get(0);
        c.recheck(passed, note.trim(), Access.currentUsername(), now());
        checks.flush();
        SpecialInspectionView.Check after = checkViews(s, List.of(c)).get(0);
        audit.updated("SpecialCheck", c.getId(), after.schoolName(), c.getSchoolPath(), before, after);
        return after;
    }

    // ---- rules -----------------------------------------------------------------------------------------------

    /**
     * Every item needs a result; rated: any 差 fails; scored: a total below the pass line fails, and the items
     * scored below the pass line's share of their points are the weak ones that get rectification items.
     */
    private void submit(
            SpecialInspection s,
            SpecialCheck c,
            Map<String, SpecialInspectionItem> checklist,
            String summary,
            LocalDate rectifyBy) {
        Map<String, SpecialCheckResult> recorded = new HashMap<>();
        results.findByCheckIdInOrderByIdAsc(List.of(c.getId())).forEach(x -> recorded.put(x.getItemCode(), x));
        List<String> missing = checklist.keySet().stream()
                .filter(k -> !recorded.containsKey(k))
                .sorted()
                .toList();
        if (!missing.isEmpty()) {
            new Problems()
                    .add("results", "inspection.error.check-incomplete", String.join(", ", missing))
                    .throwIfAny();
        }
        boolean scored = s.getSchemeCode() != null;
        Double total = null;
        List<SpecialCheckResult> weak = new ArrayList<>();
        boolean passed;
        if (scored) {
            double sum = 0;
            double max = 0;
            for (SpecialCheckResult x : recorded.values()) {
                sum += x.getScore();
                max += checklist.get(x.getItemCode()).getPoints();
            }
            total = sum;
            passed = sum >= s.getPassLine();
            double share = max == 0 ? 0 : s.getPassLine() / max;
            for (SpecialCheckResult x : recorded.values()) {
                if (x.getScore() < share * checklist.get(x.getItemCode()).getPoints()) weak.add(x);
            }
        } else {
            recorded.values().stream().filter(x -> "差".equals(x.getRating())).forEach(weak::add);
            passed = weak.isEmpty();
        }
        LocalDate due = rectifyBy != null ? rectifyBy : LocalDate.now(clock).plusDays(RECTIFY_DAYS);
        if (!passed) {
            OrgUnitRef school = unit(c.getSchoolId());
            weak.sort((a, b) -> a.getId().compareTo(b.getId()));
            for (SpecialCheckResult x : weak) {
                SpecialInspectionItem item = checklist.get(x.getItemCode());
                String problem = x.getFinding() != null
                        ? x.getFinding()
                        : s.getTitle() + ": " + item.getName()
                                + (scored ? " " + x.getScore() + "/" + item.getPoints() : " 差");
                ItemView opened = onBehalf(
                        c.getSchoolPath(),
                        () -> rectifications.openFromInspection(
                                school.code(), "SPECIAL-" + s.getId(), item.getCode(), problem, null, due));
                x.rectifiedAs(opened.id());
                results.save(x);
            }
        }
        c.submit(passed, total, Inspectors.blankToNull(summary), Access.currentUsername(), now());
    }

    /** The pass line of a scheme: its lowest grade with a minimum above 0, else 60 % of the points. */
    private static double passLine(SchemeDoc doc, double max) {
        return doc.grades() == null
                ? max * 0.6
                : doc.grades().stream()
                        .map(SchemeDoc.Grade::min)
                        .filter(m -> m != null && m > 0)
                        .min(Double::compare)
                        .orElse(max * 0.6);
    }

    private SchemeDoc scheme(String code) {
        try {
            return schemes.latest(code);
        } catch (NotFoundException e) {
            return null;
        }
    }

    private static List<String> supervisionItems(Problems problems, List<String> codes) {
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

    private Long responsible(Long schoolId) {
        return zoneSchools.findById(schoolId).map(ZoneSchool::getInspectorId).orElse(null);
    }

    private Set<Long> mine() {
        Set<Long> ids = new HashSet<>();
        inspectors.findByUsernameOrderByIdAsc(Access.currentUsername()).forEach(i -> ids.add(i.getId()));
        return ids;
    }

    private static boolean visible(SpecialInspection s, SpecialCheck c, Set<Long> mine) {
        return Access.can(Role.OFFICE, s.getCountyPath())
                || (c.getInspectorId() != null && mine.contains(c.getInspectorId()))
                || Access.can(BESIDES_INSPECTOR, c.getSchoolPath());
    }

    private SpecialInspection readable(Long id) {
        SpecialInspection s = id == null ? null : inspections.findById(id).orElse(null);
        if (s == null) throw new NotFoundException("special inspection " + id);
        if (Access.can(Role.OFFICE, s.getCountyPath())) return s;
        Set<Long> mine = mine();
        boolean any = checks.findByInspectionIdOrderBySchoolPathAsc(s.getId()).stream()
                .anyMatch(c -> visible(s, c, mine));
        if (!any) throw new NotFoundException("special inspection " + id);
        return s;
    }

    private SpecialCheck checkOf(SpecialInspection s, String schoolCode) {
        Long schoolId = system(() -> {
            Map<String, OrgUnitRef> found = orgUnits.readableByCode(List.of(schoolCode));
            return found.containsKey(schoolCode) ? found.get(schoolCode).id() : null;
        });
        return schoolId == null
                ? null
                : checks.findByInspectionIdAndSchoolId(s.getId(), schoolId).orElse(null);
    }

    private SpecialCheck visibleCheck(SpecialInspection s, String schoolCode) {
        SpecialCheck c = schoolCode == null ? null : checkOf(s, schoolCode.trim());
        if (c == null || !visible(s, c, mine())) throw new NotFoundException("check " + schoolCode);
        return c;
    }

    private SpecialCheck actable(SpecialInspection s, String schoolCode) {
        SpecialCheck c = visibleCheck(s, schoolCode);
        if (!Access.can(Role.OFFICE, s.getCountyPath()) && !mine().contains(c.getInspectorId())) {
            throw new ForbiddenException("error.forbidden");
        }
        return c;
    }

    private OrgUnitRef unit(Long id) {
        return orgUnits.refs(List.of(id)).get(id);
    }

    /**
     * Work on a school for the inspector assigned to its check: a cross-zone inspector holds no role there, so the
     * assignment (checked by the caller) is their right, and the work runs as the system when their grants fall short.
     */
    private <T> T onBehalf(String schoolPath, Supplier<T> work) {
        return Access.can(OPENERS, schoolPath) ? work.get() : system(work);
    }

    private static <T> T system(Supplier<T> work) {
        AtomicReference<T> result = new AtomicReference<>();
        Access.runAsSystem(() -> result.set(work.get()));
        return result.get();
    }

    private SpecialInspectionView view(SpecialInspection s, Set<Long> mine) {
        List<SpecialCheck> all = checks.findByInspectionIdOrderBySchoolPathAsc(s.getId());
        List<SpecialCheck> shown = all.stream().filter(c -> visible(s, c, mine)).toList();
        if (shown.isEmpty() && !Access.can(Role.OFFICE, s.getCountyPath())) return null;
        LocalDate today = LocalDate.now(clock);
        OrgUnitRef county = unit(s.getCountyId());
        // progress counts what the caller sees: the office all schools, an inspector their own
        return new SpecialInspectionView(
                s.getId(),
                s.getKind(),
                s.getTitle(),
                county.code(),
                county.name(),
                s.getSchemeCode(),
                s.getSchemeVersion(),
                s.getPassLine(),
                s.getDeadline(),
                s.getSelection(),
                shown.size(),
                (int) shown.stream()
                        .filter(c -> !SpecialCheck.OPEN.equals(c.getStatus()))
                        .count(),
                (int) shown.stream()
                        .filter(c -> Boolean.FALSE.equals(c.getPassed()))
                        .count(),
                (int) shown.stream().filter(c -> overdue(s, c, today)).count(),
                items.findByInspectionIdOrderByPositionAsc(s.getId()).stream()
                        .map(i -> new SpecialInspectionView.Item(i.getCode(), i.getName(), i.getPoints()))
                        .toList(),
                checkViews(s, shown),
                s.getCreatedBy(),
                s.getCreatedAt());
    }

    private static boolean overdue(SpecialInspection s, SpecialCheck c, LocalDate today) {
        return SpecialCheck.OPEN.equals(c.getStatus()) && today.isAfter(s.getDeadline());
    }

    private List<SpecialInspectionView.Check> checkViews(SpecialInspection s, List<SpecialCheck> list) {
        LocalDate today = LocalDate.now(clock);
        Map<Long, OrgUnitRef> units =
                orgUnits.refs(list.stream().map(SpecialCheck::getSchoolId).toList());
        Map<Long, Inspector> people =
                inspectors.byIds(list.stream().map(SpecialCheck::getInspectorId).toList());
        Map<Long, List<SpecialInspectionView.Result>> byCheck = new HashMap<>();
        if (!list.isEmpty()) {
            for (SpecialCheckResult x : results.findByCheckIdInOrderByIdAsc(
                    list.stream().map(SpecialCheck::getId).toList())) {
                byCheck.computeIfAbsent(x.getCheckId(), k -> new ArrayList<>())
                        .add(new SpecialInspectionView.Result(
                                x.getItemCode(),
                                x.getRating(),
                                x.getScore(),
                                x.getFinding(),
                                IdList.of(x.getEvidenceIds()),
                                x.getRectificationId()));
            }
        }
        return list.stream()
                .map(c -> {
                    OrgUnitRef school = units.get(c.getSchoolId());
                    Inspector i = c.getInspectorId() == null ? null : people.get(c.getInspectorId());
                    return new SpecialInspectionView.Check(
                            c.getId(),
                            school.code(),
                            school.name(),
                            c.getInspectorId(),
                            i == null ? null : i.getName(),
                            c.isCrossZone(),
                            c.getStatus(),
                            overdue(s, c, today),
                            c.getPassed(),
                            c.getScore(),
                            c.getSummary(),
                            c.getSubmittedBy(),
                            c.getSubmittedAt(),
                            c.getRecheckPassed(),
                            c.getRecheckNote(),
                            c.getRecheckedBy(),
                            c.getRecheckedAt(),
                            byCheck.getOrDefault(c.getId(), List.of()),
                            revocation(c.getSchoolId()));
                })
                .toList();
    }

    private static SpecialInspectionView.Revocation view(PlaqueRevocation r) {
        return new SpecialInspectionView.Revocation(r.getReason(), r.getRevokedBy(), r.getRevokedAt());
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
