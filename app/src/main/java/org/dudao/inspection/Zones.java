package org.dudao.inspection;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.dudao.audit.AuditLog;
import org.dudao.inspection.ZoneRequest.AssignmentRequest;
import org.dudao.inspection.internal.InspectionProperties;
import org.dudao.inspection.internal.Inspector;
import org.dudao.inspection.internal.InspectorRepository;
import org.dudao.inspection.internal.Zone;
import org.dudao.inspection.internal.ZoneAssignment;
import org.dudao.inspection.internal.ZoneAssignmentRepository;
import org.dudao.inspection.internal.ZoneRepository;
import org.dudao.inspection.internal.ZoneSchool;
import org.dudao.inspection.internal.ZoneSchoolRepository;
import org.dudao.org.OrgKind;
import org.dudao.org.OrgUnitRef;
import org.dudao.org.OrgUnits;
import org.dudao.shared.Access;
import org.dudao.shared.NotFoundException;
import org.dudao.shared.Problems;
import org.dudao.shared.Role;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 督学责任区: the county office groups its schools into zones (at most {@code dudao.inspection.zone-max-schools}) and
 * gives each school one responsible inspector; every change of inspector is kept in the assignment history.
 */
@Service
public class Zones {

    private static final String CODE = "[A-Za-z0-9_-]{1,32}";

    private final ZoneRepository zones;
    private final ZoneSchoolRepository zoneSchools;
    private final ZoneAssignmentRepository history;
    private final InspectorRepository inspectors;
    private final OrgUnits orgUnits;
    private final InspectionProperties properties;
    private final AuditLog audit;
    private final Clock clock;

    Zones(
            ZoneRepository zones,
            ZoneSchoolRepository zoneSchools,
            ZoneAssignmentRepository history,
            InspectorRepository inspectors,
            OrgUnits orgUnits,
            InspectionProperties properties,
            AuditLog audit,
            Clock clock) {
        this.zones = zones;
        this.zoneSchools = zoneSchools;
        this.history = history;
        this.inspectors = inspectors;
        this.orgUnits = orgUnits;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    /** Zones of the counties in the user's scope (or of one county), and those where the user is an inspector. */
    @Transactional(readOnly = true)
    public List<ZoneView> list(String countyCode) {
        Map<Long, Zone> found = new TreeMap<>();
        if (countyCode == null || countyCode.isBlank()) {
            for (String prefix : Access.pathsWith(Role.STAFF)) {
                zones.findUnder(prefix == null ? "/" : prefix).forEach(z -> found.putIfAbsent(z.getId(), z));
            }
            for (Inspector me : inspectors.findByUsernameOrderByIdAsc(Access.currentUsername())) {
                zoneSchools
                        .findByInspectorId(me.getId())
                        .forEach(s -> zones.findById(s.getZoneId()).ifPresent(z -> found.put(z.getId(), z)));
            }
        } else {
            zones.findUnder(orgUnits.readable(countyCode.trim()).path()).forEach(z -> found.put(z.getId(), z));
        }
        return found.values().stream().map(this::view).toList();
    }

    @Transactional(readOnly = true)
    public ZoneView get(String code) {
        return view(readable(code));
    }

    /** Whether the user may create zones somewhere (the screens' form). */
    public boolean canManage() {
        return Access.holdsAny(Role.OFFICE);
    }

    public boolean canManage(ZoneView zone) {
        return zones.findByCode(zone.code())
                .map(z -> Access.can(Role.OFFICE, z.getCountyPath()))
                .orElse(false);
    }

    /** Schools of the zone's county that are in no zone yet, for the assignment screen. */
    @Transactional(readOnly = true)
    public List<OrgUnitRef> unassigned(String zoneCode) {
        Zone zone = readable(zoneCode);
        OrgUnitRef county = orgUnits.readable(zone.getCountyId());
        Set<Long> zoned = new java.util.HashSet<>();
        zoneSchools.findUnder(county.path()).forEach(s -> zoned.add(s.getSchoolId()));
        return orgUnits.subtree(county.code()).stream()
                .filter(u -> u.kind().isSchool() && !zoned.contains(u.id()))
                .toList();
    }

    @Transactional
    public ZoneView create(ZoneRequest request) {
        Problems problems = new Problems();
        if (request == null || !problems.required("county", request.county())) {
            problems.throwIfAny();
        }
        OrgUnitRef county = orgUnits.readable(request.county().trim());
        Access.requireRole(county.path(), Role.OFFICE, "org unit " + county.code());
        if (county.kind().level() != OrgKind.Level.COUNTY) problems.add("county", "inspection.error.county-kind");
        if (problems.required("code", request.code())) {
            if (!request.code().trim().matches(CODE)) problems.add("code", "inspection.error.zone-code");
            else if (zones.findByCode(request.code().trim()).isPresent()) {
                problems.add("code", "inspection.error.zone-code-taken");
            }
        }
        Zone zone = new Zone(request.code() == null ? null : request.code().trim(), county.id(), county.path(), now());
        apply(zone, county, request, problems);
        ZoneView view = view(zone);
        audit.created("Zone", zone.getCode(), zone.getName(), county.path(), view);
        return view;
    }

    @Transactional
    public ZoneView update(String code, ZoneRequest request) {
        Zone zone = readable(code);
        Access.requireRole(zone.getCountyPath(), Role.OFFICE, "zone " + code);
        Problems problems = new Problems();
        if (request == null) {
            problems.required("name", null);
            problems.throwIfAny();
        }
        if (request.version() != null && request.version() != zone.getRowVersion()) {
            throw new ObjectOptimisticLockingFailureException(Zone.class, zone.getId());
        }
        ZoneView before = view(zone);
        apply(zone, orgUnits.readable(zone.getCountyId()), request, problems);
        ZoneView after = view(zone);
        audit.updated("Zone", zone.getCode(), zone.getName(), zone.getCountyPath(), before, after);
        return after;
    }

    /**
     * One click: gives every school of the zone that has no inspector the county's inspector with the fewest
     * schools (below the warning while anyone is), among equals one who already covers that township.
     */
    @Transactional
    public ZoneView suggest(String code) {
        Zone zone = readable(code);
        Access.requireRole(zone.getCountyPath(), Role.OFFICE, "zone " + code);
        List<Inspector> candidates = candidates(zone.getCountyPath());
        if (candidates.isEmpty()) {
            new Problems().add("assignments", "inspection.error.no-inspectors").throwIfAny();
        }
        ZoneView before = view(zone);
        Map<Long, Integer> load = new HashMap<>();
        Map<Long, Set<String>> townships = new HashMap<>();
        for (Inspector i : candidates) {
            List<ZoneSchool> theirs = zoneSchools.findByInspectorId(i.getId());
            load.put(i.getId(), theirs.size());
            townships.put(
                    i.getId(),
                    new java.util.HashSet<>(theirs.stream()
                            .map(s -> parentPath(s.getSchoolPath()))
                            .toList()));
        }
        int warn = properties.schoolsPerInspector();
        for (ZoneSchool s : zoneSchools.findByZoneIdOrderBySchoolPathAsc(zone.getId())) {
            if (s.getInspectorId() != null) continue;
            String township = parentPath(s.getSchoolPath());
            Inspector best = candidates.stream()
                    .min(Comparator.<Inspector>comparingInt(i -> load.get(i.getId()) >= warn ? 1 : 0)
                            .thenComparingInt(i -> load.get(i.getId()))
                            .thenComparingInt(i -> townships.get(i.getId()).contains(township) ? 0 : 1)
                            .thenComparing(Inspector::getId))
                    .orElseThrow();
            assign(s, best.getId());
            load.merge(best.getId(), 1, Integer::sum);
            townships.get(best.getId()).add(township);
        }
        zoneSchools.flush();
        ZoneView after = view(zone);
        audit.updated("Zone", zone.getCode(), zone.getName(), zone.getCountyPath(), before, after);
        return after;
    }

    private void apply(Zone zone, OrgUnitRef county, ZoneRequest r, Problems problems) {
        if (problems.required("name", r.name())) problems.name("name", r.name(), 100);
        List<String> codes = r.schools() == null
                ? List.of()
                : new ArrayList<>(new LinkedHashSet<>(r.schools().stream()
                        .filter(Objects::nonNull)
                        .map(String::trim)
                        .toList()));
        if (codes.size() > properties.zoneMaxSchools()) {
            problems.add("schools", "inspection.error.zone-too-many", properties.zoneMaxSchools(), codes.size());
            problems.throwIfAny();
        }
        Map<String, OrgUnitRef> schools = new LinkedHashMap<>();
        for (String code : codes) {
            OrgUnitRef school = orgUnits.readable(code);
            if (!school.kind().isSchool() || !school.path().startsWith(county.path())) {
                problems.add("schools", "inspection.error.not-in-county", code);
            }
            ZoneSchool other = zoneSchools.findById(school.id()).orElse(null);
            if (other != null && !other.getZoneId().equals(zone.getId())) {
                problems.add("schools", "inspection.error.school-in-zone", code);
            }
            schools.put(school.code(), school);
        }
        Set<Long> allowed = new java.util.HashSet<>(
                candidates(county.path()).stream().map(Inspector::getId).toList());
        if (r.lead() != null && !allowed.contains(r.lead())) problems.add("lead", "inspection.error.inspector-unknown");
        Map<String, Long> wanted = new HashMap<>();
        for (AssignmentRequest a : r.assignments() == null ? List.<AssignmentRequest>of() : r.assignments()) {
            if (a == null
                    || a.school() == null
                    || !schools.containsKey(a.school().trim())) {
                problems.add("assignments", "inspection.error.assignment-school", a == null ? null : a.school());
            } else if (a.inspector() != null && !allowed.contains(a.inspector())) {
                problems.add("assignments", "inspection.error.inspector-unknown");
            } else {
                wanted.put(a.school().trim(), a.inspector());
            }
        }
        problems.throwIfAny();
        zone.describe(r.name().trim(), r.lead(), now());
        zones.saveAndFlush(zone);
        syncSchools(zone, schools, wanted, r.assignments() != null);
    }

    private void syncSchools(Zone zone, Map<String, OrgUnitRef> schools, Map<String, Long> wanted, boolean assigning) {
        Set<Long> keep = new java.util.HashSet<>(
                schools.values().stream().map(OrgUnitRef::id).toList());
        for (ZoneSchool s : zoneSchools.findByZoneIdOrderBySchoolPathAsc(zone.getId())) {
            if (!keep.contains(s.getSchoolId())) {
                assign(s, null);
                zoneSchools.delete(s);
            }
        }
        zoneSchools.flush();
        for (OrgUnitRef school : schools.values()) {
            ZoneSchool s = zoneSchools
                    .findById(school.id())
                    .orElseGet(() -> zoneSchools.save(new ZoneSchool(school.id(), zone.getId(), school.path())));
            if (assigning) {
                assign(s, wanted.get(school.code()));
            }
        }
        zoneSchools.flush();
    }

    /** Sets the school's inspector, closing the history row of the one before and opening one for the new. */
    private void assign(ZoneSchool s, Long inspectorId) {
        if (Objects.equals(s.getInspectorId(), inspectorId)) return;
        LocalDate today = LocalDate.now(clock);
        history.findBySchoolIdAndUntilDayIsNull(s.getSchoolId()).forEach(h -> h.end(today));
        if (inspectorId != null) {
            history.save(
                    new ZoneAssignment(s.getSchoolId(), s.getZoneId(), inspectorId, today, Access.currentUsername()));
        }
        s.assign(inspectorId);
        zoneSchools.save(s);
    }

    /** Inspectors whose office covers the county: the county's own and those of the city above it. */
    private List<Inspector> candidates(String countyPath) {
        List<Inspector> all = new ArrayList<>();
        for (OrgUnitRef office : orgUnits.refs(idsOf(countyPath)).values()) {
            inspectors.findUnder(office.path()).stream()
                    .filter(i -> countyPath.startsWith(i.getOfficePath()))
                    .filter(i -> all.stream().noneMatch(o -> o.getId().equals(i.getId())))
                    .forEach(all::add);
        }
        all.sort(Comparator.comparing(Inspector::getId));
        return all;
    }

    private static List<Long> idsOf(String path) {
        return java.util.Arrays.stream(path.split("/"))
                .filter(p -> !p.isBlank())
                .map(Long::valueOf)
                .toList();
    }

    static String parentPath(String path) {
        String trimmed = path.substring(0, path.length() - 1);
        return trimmed.substring(0, trimmed.lastIndexOf('/') + 1);
    }

    Zone readable(String code) {
        Zone z = code == null ? null : zones.findByCode(code.trim()).orElse(null);
        if (z == null || !(Access.canRead(z.getCountyPath()) || mine(z))) {
            throw new NotFoundException("zone " + code);
        }
        return z;
    }

    private boolean mine(Zone z) {
        return inspectors.findByUsernameOrderByIdAsc(Access.currentUsername()).stream()
                .anyMatch(i -> Objects.equals(z.getLeadId(), i.getId())
                        || zoneSchools.findByInspectorId(i.getId()).stream()
                                .anyMatch(s -> s.getZoneId().equals(z.getId())));
    }

    private ZoneView view(Zone zone) {
        List<ZoneSchool> rows = zoneSchools.findByZoneIdOrderBySchoolPathAsc(zone.getId());
        List<ZoneAssignment> past = history.findByZoneIdOrderByFromDayAscIdAsc(zone.getId());
        Set<Long> unitIds = new LinkedHashSet<>();
        rows.forEach(s -> unitIds.add(s.getSchoolId()));
        past.forEach(h -> unitIds.add(h.getSchoolId()));
        Map<Long, OrgUnitRef> units = orgUnits.refs(unitIds);
        Map<Long, OrgUnitRef> parents =
                orgUnits.refs(units.values().stream().map(OrgUnitRef::parentId).toList());
        Set<Long> inspectorIds = new LinkedHashSet<>();
        rows.forEach(s -> inspectorIds.add(s.getInspectorId()));
        past.forEach(h -> inspectorIds.add(h.getInspectorId()));
        inspectorIds.add(zone.getLeadId());
        inspectorIds.remove(null);
        Map<Long, Inspector> people = inspectors.byIds(inspectorIds);
        List<ZoneView.School> schools = rows.stream()
                .map(s -> {
                    OrgUnitRef u = units.get(s.getSchoolId());
                    OrgUnitRef t = u == null ? null : parents.get(u.parentId());
                    Inspector i = s.getInspectorId() == null ? null : people.get(s.getInspectorId());
                    return new ZoneView.School(
                            u == null ? null : u.code(),
                            u == null ? null : u.name(),
                            t == null ? null : t.code(),
                            t == null ? null : t.name(),
                            s.getInspectorId(),
                            i == null ? null : i.getName());
                })
                .toList();
        List<ZoneView.Load> loads = rows.stream()
                .map(ZoneSchool::getInspectorId)
                .filter(Objects::nonNull)
                .distinct()
                .map(id -> {
                    int n = zoneSchools.findByInspectorId(id).size();
                    return new ZoneView.Load(id, people.get(id).getName(), n, n > properties.schoolsPerInspector());
                })
                .toList();
        List<ZoneView.Assignment> assignments = past.stream()
                .map(h -> new ZoneView.Assignment(
                        units.get(h.getSchoolId()).code(),
                        units.get(h.getSchoolId()).name(),
                        h.getInspectorId(),
                        people.get(h.getInspectorId()).getName(),
                        h.getFromDay(),
                        h.getUntilDay()))
                .toList();
        OrgUnitRef county = orgUnits.refs(List.of(zone.getCountyId())).get(zone.getCountyId());
        Inspector lead = zone.getLeadId() == null ? null : people.get(zone.getLeadId());
        return new ZoneView(
                zone.getId(),
                zone.getCode(),
                zone.getName(),
                county.code(),
                county.name(),
                zone.getLeadId(),
                lead == null ? null : lead.getName(),
                schools,
                loads,
                assignments,
                zone.getRowVersion());
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
