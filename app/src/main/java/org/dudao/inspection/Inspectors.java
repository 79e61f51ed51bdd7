package org.dudao.inspection;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dudao.audit.AuditLog;
import org.dudao.evidence.EvidenceStore;
import org.dudao.inspection.internal.InspectionProperties;
import org.dudao.inspection.internal.Inspector;
import org.dudao.inspection.internal.InspectorRepository;
import org.dudao.inspection.internal.ZoneSchool;
import org.dudao.inspection.internal.ZoneSchoolRepository;
import org.dudao.org.OrgKind;
import org.dudao.org.OrgUnitRef;
import org.dudao.org.OrgUnits;
import org.dudao.shared.Access;
import org.dudao.shared.NotFoundException;
import org.dudao.shared.Problems;
import org.dudao.shared.Role;
import org.dudao.user.RoleHolder;
import org.dudao.user.Users;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inspectors of the supervision offices. The office (directors, administrators) of a county or city manages
 * its own; anyone reading the office's subtree sees them, and an inspector always sees their own record.
 */
@Service
public class Inspectors {

    private final InspectorRepository inspectors;
    private final ZoneSchoolRepository zoneSchools;
    private final OrgUnits orgUnits;
    private final Users users;
    private final EvidenceStore evidence;
    private final InspectionProperties properties;
    private final AuditLog audit;
    private final Clock clock;

    Inspectors(
            InspectorRepository inspectors,
            ZoneSchoolRepository zoneSchools,
            OrgUnits orgUnits,
            Users users,
            EvidenceStore evidence,
            InspectionProperties properties,
            AuditLog audit,
            Clock clock) {
        this.inspectors = inspectors;
        this.zoneSchools = zoneSchools;
        this.orgUnits = orgUnits;
        this.users = users;
        this.evidence = evidence;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    /** Inspectors of the offices in the user's scope (or of one office), and the user's own record. */
    @Transactional(readOnly = true)
    public List<InspectorView> list(String officeCode) {
        Map<Long, Inspector> found = new TreeMap<>();
        if (officeCode == null || officeCode.isBlank()) {
            for (String prefix : Access.pathsWith(Role.STAFF)) {
                inspectors.findUnder(prefix == null ? "/" : prefix).forEach(i -> found.putIfAbsent(i.getId(), i));
            }
            inspectors.findByUsernameOrderByIdAsc(Access.currentUsername()).forEach(i -> found.put(i.getId(), i));
        } else {
            OrgUnitRef office = orgUnits.readable(officeCode.trim());
            inspectors.findUnder(office.path()).forEach(i -> found.put(i.getId(), i));
        }
        return views(List.copyOf(found.values()));
    }

    @Transactional(readOnly = true)
    public InspectorView get(Long id) {
        return views(List.of(readable(id))).get(0);
    }

    /** Whether the user may add inspectors somewhere (the screens' button). */
    public boolean canManage() {
        return Access.holdsAny(Role.OFFICE);
    }

    /**
     * The offices (counties and cities) where the user manages inspectors, for the screens' pickers: the tops of
     * the user's scope and the counties and cities below them.
     */
    @Transactional(readOnly = true)
    public List<OrgUnitRef> offices() {
        List<OrgUnitRef> out = new java.util.ArrayList<>();
        java.util.ArrayDeque<OrgUnitRef> todo = new java.util.ArrayDeque<>();
        orgUnits.children(null).forEach(u -> todo.add(orgUnits.readable(u.code())));
        while (!todo.isEmpty()) {
            OrgUnitRef u = todo.poll();
            OrgKind.Level level = u.kind().level();
            if ((level == OrgKind.Level.COUNTY || level == OrgKind.Level.CITY)
                    && Access.can(Role.OFFICE, u.path())
                    && out.stream().noneMatch(o -> o.id().equals(u.id()))) {
                out.add(u);
            }
            if (level == OrgKind.Level.PROVINCE || level == OrgKind.Level.CITY) {
                orgUnits.children(u.code()).stream()
                        .filter(c -> OrgKind.parse(c.kind())
                                .map(k -> k.level() == OrgKind.Level.CITY || k.level() == OrgKind.Level.COUNTY)
                                .orElse(false))
                        .forEach(c -> todo.add(orgUnits.readable(c.code())));
            }
        }
        return out;
    }

    /** Whether the user may change this inspector. */
    public boolean canManage(InspectorView inspector) {
        return inspectors
                .findById(inspector.id())
                .map(i -> Access.can(Role.OFFICE, i.getOfficePath()))
                .orElse(false);
    }

    @Transactional
    public InspectorView create(InspectorRequest request) {
        Problems problems = new Problems();
        if (request == null || !problems.required("office", request.office())) {
            problems.throwIfAny();
        }
        OrgUnitRef office = orgUnits.readable(request.office().trim());
        Access.requireRole(office.path(), Role.OFFICE, "org unit " + office.code());
        OrgKind.Level level = office.kind().level();
        if (level != OrgKind.Level.COUNTY && level != OrgKind.Level.CITY) {
            problems.add("office", "inspection.error.office-kind");
        }
        Inspector inspector = new Inspector(office.id(), office.path(), Instant.now(clock));
        describe(inspector, request, problems);
        inspectors.saveAndFlush(inspector);
        InspectorView view = get(inspector.getId());
        audit.created("Inspector", inspector.getId(), inspector.getName(), office.path(), view);
        return view;
    }

    @Transactional
    public InspectorView update(Long id, InspectorRequest request) {
        Inspector inspector = readable(id);
        Access.requireRole(inspector.getOfficePath(), Role.OFFICE, "inspector " + id);
        Problems problems = new Problems();
        if (request == null) {
            problems.required("name", null);
            problems.throwIfAny();
        }
        if (request.version() != null && request.version() != inspector.getRowVersion()) {
            throw new ObjectOptimisticLockingFailureException(Inspector.class, id);
        }
        InspectorView before = get(inspector.getId());
        describe(inspector, request, problems);
        inspectors.saveAndFlush(inspector);
        InspectorView after = get(inspector.getId());
        audit.updated("Inspector", id, inspector.getName(), inspector.getOfficePath(), before, after);
        return after;
    }

    /** The plaque photo (PNG or JPEG, checked by the evidence store), filed as evidence of the office. */
    @Transactional
    public InspectorView photo(Long id, InputStream content, String fileName) throws IOException {
        Inspector inspector = readable(id);
        Access.requireRole(inspector.getOfficePath(), Role.OFFICE, "inspector " + id);
        InspectorView before = get(id);
        String office = orgUnits.readable(inspector.getOfficeId()).code();
        var file = evidence.uploadPhoto(
                content, fileName, office, String.valueOf(LocalDate.now(clock).getYear()));
        inspector.photo(file.id(), Instant.now(clock));
        inspectors.saveAndFlush(inspector);
        InspectorView after = get(id);
        audit.updated("Inspector", id, inspector.getName(), inspector.getOfficePath(), before, after);
        return after;
    }

    /** The inspector record linked to the signed-in user, if any. */
    @Transactional(readOnly = true)
    public Optional<InspectorView> mine() {
        return inspectors.findByUsernameOrderByIdAsc(Access.currentUsername()).stream()
                .findFirst()
                .map(i -> views(List.of(i)).get(0));
    }

    private void describe(Inspector inspector, InspectorRequest r, Problems problems) {
        if (problems.required("name", r.name())) problems.name("name", r.name(), 64);
        String kind = r.kind() == null || r.kind().isBlank()
                ? Inspector.PART_TIME
                : r.kind().trim().toUpperCase(java.util.Locale.ROOT);
        if (!kind.equals(Inspector.FULL_TIME) && !kind.equals(Inspector.PART_TIME)) {
            problems.add("kind", "inspection.error.kind");
        }
        problems.name("certificate", r.certificate(), 64);
        problems.name("phone", r.phone(), 32);
        LocalDate expires = date(problems, "certificateExpires", r.certificateExpires());
        LocalDate start = date(problems, "termStart", r.termStart());
        LocalDate end = date(problems, "termEnd", r.termEnd());
        if (start != null && end != null && end.isBefore(start)) problems.add("termEnd", "inspection.error.term-end");
        if (r.term() != null && (r.term() < 1 || r.term() > 99)) problems.add("term", "error.range", 1, 99);
        String username = blankToNull(r.username());
        if (username != null
                && users.holders(Role.INSPECTOR, inspector.getOfficePath()).stream()
                        .map(RoleHolder::username)
                        .noneMatch(username::equals)) {
            problems.add("username", "inspection.error.username");
        }
        problems.throwIfAny();
        inspector.describe(
                r.name().trim(),
                username,
                kind,
                blankToNull(r.certificate()),
                expires,
                r.term(),
                start,
                end,
                blankToNull(r.phone()),
                Boolean.TRUE.equals(r.chief()),
                Instant.now(clock));
    }

    Inspector readable(Long id) {
        Inspector i = id == null ? null : inspectors.findById(id).orElse(null);
        if (i == null
                || !(Access.canRead(i.getOfficePath())
                        || Access.currentUsername().equals(i.getUsername()))) {
            throw new NotFoundException("inspector " + id);
        }
        return i;
    }

    List<InspectorView> views(List<Inspector> list) {
        LocalDate today = LocalDate.now(clock);
        Map<Long, OrgUnitRef> offices = orgUnits.refs(
                list.stream().map(Inspector::getOfficeId).distinct().toList());
        return list.stream()
                .map(i -> {
                    int schools = zoneSchools.findByInspectorId(i.getId()).size();
                    OrgUnitRef office = offices.get(i.getOfficeId());
                    return new InspectorView(
                            i.getId(),
                            i.getName(),
                            i.getUsername(),
                            i.getKind(),
                            i.getCertificate(),
                            i.getCertificateExpires(),
                            i.getTermNo(),
                            i.getTermStart(),
                            i.getTermEnd(),
                            i.getPhone(),
                            i.getPhotoId(),
                            office == null ? null : office.code(),
                            office == null ? null : office.name(),
                            i.isChief(),
                            i.getCertificateExpires() != null
                                    && i.getCertificateExpires().isBefore(today),
                            i.getTermEnd() != null && i.getTermEnd().isBefore(today),
                            schools,
                            schools > properties.schoolsPerInspector(),
                            i.getRowVersion());
                })
                .toList();
    }

    static LocalDate date(Problems problems, String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(text.trim());
            return problems.saneDate(field, d) ? d : null;
        } catch (DateTimeParseException e) {
            problems.add(field, "error.type-mismatch");
            return null;
        }
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    static <T> Map<Long, T> byId(List<T> list, Function<T, Long> id) {
        return list.stream().collect(Collectors.toMap(id, Function.identity(), (a, b) -> a));
    }

    /** Schools of one inspector, for the services of this module. */
    List<ZoneSchool> schoolsOf(Long inspectorId) {
        return zoneSchools.findByInspectorId(inspectorId);
    }
}
