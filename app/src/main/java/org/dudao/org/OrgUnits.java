package org.dudao.org;

import jakarta.persistence.criteria.Predicate;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.dudao.audit.AuditLog;
import org.dudao.data.DataValues;
import org.dudao.shared.Access;
import org.dudao.shared.ConflictException;
import org.dudao.shared.DudaoUser;
import org.dudao.shared.NotFoundException;
import org.dudao.shared.Problems;
import org.dudao.shared.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Use cases of the org tree. Every method checks scope and role through {@link Access}. */
@Service
public class OrgUnits {

    /** Who may change the tree inside their scope. */
    public static final Set<Role> EDITORS = EnumSet.of(Role.ADMIN, Role.DIRECTOR);

    static final String[] ENROLMENT_ITEMS = {"students_primary", "students_junior", "students_senior"};
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,31}");

    private final OrgUnitRepository units;
    private final DataValues values;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OrgUnits(
            OrgUnitRepository units, DataValues values, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        this.units = units;
        this.values = values;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    // ---- reads --------------------------------------------------------------------------------------------

    /** A unit the current user may read, for other features. */
    @Transactional(readOnly = true)
    public OrgUnitRef readable(String code) {
        return OrgUnitRef.of(readableUnit(code));
    }

    @Transactional(readOnly = true)
    public OrgUnitRef readable(Long id) {
        OrgUnit unit = units.findById(id).orElseThrow(() -> new NotFoundException("org unit " + id));
        Access.requireRead(unit.getPath(), "org unit " + id);
        return OrgUnitRef.of(unit);
    }

    @Transactional(readOnly = true)
    public OrgUnitView get(String code) {
        return view(readableUnit(code));
    }

    /** Children of {@code parentCode}; without a parent, the top nodes of the user's scope. */
    @Transactional(readOnly = true)
    public List<OrgUnitView> children(String parentCode) {
        List<OrgUnit> list;
        if (parentCode == null || parentCode.isBlank()) {
            list = scopeRoots();
        } else {
            list = units.findByParentIdOrderBySortOrderAscCodeAsc(
                    readableUnit(parentCode).getId());
        }
        return views(list);
    }

    /** The whole readable subtree below {@code code} (inclusive), in tree order, for other features. */
    @Transactional(readOnly = true)
    public List<OrgUnitRef> subtree(String code) {
        return units.findByPathStartingWithOrderByPathAsc(readableUnit(code).getPath()).stream()
                .map(OrgUnitRef::of)
                .toList();
    }

    /**
     * The readable units among {@code codes}, by code, for bulk work of other features (one query per thousand
     * codes). Unknown codes and units outside the user's scope are left out.
     */
    @Transactional(readOnly = true)
    public Map<String, OrgUnitRef> readableByCode(Collection<String> codes) {
        Map<String, OrgUnitRef> result = new HashMap<>();
        List<String> list = codes.stream()
                .filter(Objects::nonNull)
                .map(String::trim)
                .distinct()
                .toList();
        for (int from = 0; from < list.size(); from += 1000) {
            units.findByCodeIn(list.subList(from, Math.min(list.size(), from + 1000))).stream()
                    .filter(u -> Access.canRead(u.getPath()))
                    .forEach(u -> result.put(u.getCode(), OrgUnitRef.of(u)));
        }
        return result;
    }

    /** The ancestors of a readable unit that the user may also read, root first (breadcrumbs). */
    @Transactional(readOnly = true)
    public List<OrgUnitRef> ancestors(String code) {
        OrgUnit unit = readableUnit(code);
        List<Long> ids = idsOf(unit.getPath());
        Map<Long, OrgUnit> byId =
                units.findAllById(ids).stream().collect(Collectors.toMap(OrgUnit::getId, Function.identity()));
        return ids.stream()
                .map(byId::get)
                .filter(u -> u != null && Access.canRead(u.getPath()))
                .map(OrgUnitRef::of)
                .toList();
    }

    /** Searches the user's scope by name or code, optionally under one unit and of one kind. */
    @Transactional(readOnly = true)
    public Page<OrgUnitView> search(String query, OrgKind kind, String underCode, Pageable pageable) {
        DudaoUser user = Access.currentUser();
        List<String> prefixes = underCode == null || underCode.isBlank()
                ? user.readablePaths()
                : List.of(readableUnit(underCode).getPath());
        Specification<OrgUnit> spec = (root, cq, cb) -> {
            List<Predicate> all = new ArrayList<>();
            // a null path means the whole tree; List.of(...).contains(null) would throw
            if (prefixes.stream().noneMatch(java.util.Objects::isNull)) {
                all.add(cb.or(prefixes.stream()
                        .map(p -> cb.like(root.get("path"), p + "%"))
                        .toArray(Predicate[]::new)));
            }
            if (kind != null) {
                all.add(cb.equal(root.get("kind"), kind));
            }
            if (query != null && !query.isBlank()) {
                String like = "%" + query.trim().toLowerCase() + "%";
                all.add(cb.or(cb.like(cb.lower(root.get("name")), like), cb.like(cb.lower(root.get("code")), like)));
            }
            return cb.and(all.toArray(Predicate[]::new));
        };
        if (prefixes.isEmpty()) {
            return Page.empty(pageable);
        }
        Page<OrgUnit> page = units.findAll(spec, pageable);
        Map<Long, OrgUnitView> views =
                views(page.getContent()).stream().collect(Collectors.toMap(OrgUnitView::id, Function.identity()));
        return page.map(u -> views.get(u.getId()));
    }

    /** How many units of each kind the current user's scope holds. */
    @Transactional(readOnly = true)
    public Map<OrgKind, Long> countByKind() {
        Map<OrgKind, Long> counts = new java.util.EnumMap<>(OrgKind.class);
        List<String> prefixes = outermost(Access.currentUser().readablePaths());
        for (String prefix : prefixes) {
            for (Object[] row : units.countByKindUnder(prefix == null ? "/" : prefix)) {
                counts.merge((OrgKind) row[0], (Long) row[1], Long::sum);
            }
        }
        return counts;
    }

    /** How many units of each kind sit in the subtree of a readable unit (inclusive), counted by the database. */
    @Transactional(readOnly = true)
    public Map<OrgKind, Long> countByKindUnder(String code) {
        Map<OrgKind, Long> counts = new java.util.EnumMap<>(OrgKind.class);
        for (Object[] row : units.countByKindUnder(readableUnit(code).getPath())) {
            counts.put((OrgKind) row[0], (Long) row[1]);
        }
        return counts;
    }

    // ---- writes -------------------------------------------------------------------------------------------

    @Transactional
    public OrgUnitView create(OrgUnitForm form) {
        Problems problems = new Problems();
        OrgKind kind = validate(form, problems, true);
        OrgUnit parent = null;
        if (form.parentCode() != null && !form.parentCode().isBlank()) {
            parent = units.findByCode(form.parentCode().trim()).orElse(null);
            if (parent == null || !Access.canRead(parent.getPath())) {
                problems.add("parentCode", "org.error.parent-unknown", form.parentCode());
            }
        } else if (!Access.currentUser().readsEverything()) {
            problems.add("parentCode", "error.required");
        }
        if (kind != null && problems.isEmpty() && !kind.mayBeChildOf(parent == null ? null : parent.getKind())) {
            problems.add(
                    "kind",
                    "org.error.kind-parent",
                    kind.label(),
                    parent == null ? "—" : parent.getKind().label());
        }
        if (form.code() != null && units.existsByCode(form.code().trim())) {
            problems.add("code", "org.error.code-taken", form.code().trim());
        }
        problems.throwIfAny();
        requireEditor(parent == null ? null : parent.getPath());

        OrgUnit unit = new OrgUnit(form.code().trim(), form.name().trim(), kind, now());
        unit.edit(
                form.name().trim(),
                kind,
                trim(form.address()),
                trim(form.contactPerson()),
                trim(form.contactPhone()),
                form.sortOrder() == null ? 0 : form.sortOrder(),
                now());
        units.saveAndFlush(unit);
        unit.placeUnder(parent);
        writeEnrolment(unit, form);
        OrgUnitView view = view(unit);
        audit.created("OrgUnit", unit.getCode(), unit.getName(), unit.getPath(), view);
        return view;
    }

    @Transactional
    public OrgUnitView update(String code, OrgUnitForm form) {
        OrgUnit unit = readableUnit(code);
        requireEditor(unit.getPath());
        if (form.version() != null && form.version() != unit.getVersion()) {
            throw new ObjectOptimisticLockingFailureException(OrgUnit.class, unit.getId());
        }
        Problems problems = new Problems();
        OrgKind kind = validate(form, problems, false);
        if (form.code() != null && !form.code().isBlank() && !form.code().trim().equals(unit.getCode())) {
            problems.add("code", "org.error.code-immutable");
        }
        if (form.parentCode() != null
                && !form.parentCode().isBlank()
                && !form.parentCode().trim().equals(parentCode(unit))) {
            problems.add("parentCode", "org.error.use-move");
        }
        if (kind != null && kind != unit.getKind()) {
            OrgKind parentKind = unit.getParentId() == null
                    ? null
                    : units.findById(unit.getParentId()).map(OrgUnit::getKind).orElse(null);
            if (!kind.mayBeChildOf(parentKind)) {
                problems.add(
                        "kind", "org.error.kind-parent", kind.label(), parentKind == null ? "—" : parentKind.label());
            } else if (kind.level() != unit.getKind().level() && units.existsByParentId(unit.getId())) {
                problems.add("kind", "org.error.kind-level-children");
            }
        }
        problems.throwIfAny();
        OrgUnitView before = view(unit);
        unit.edit(
                form.name().trim(),
                kind,
                trim(form.address()),
                trim(form.contactPerson()),
                trim(form.contactPhone()),
                form.sortOrder() == null ? unit.getSortOrder() : form.sortOrder(),
                now());
        writeEnrolment(unit, form);
        units.flush();
        OrgUnitView after = view(unit);
        audit.updated("OrgUnit", unit.getCode(), unit.getName(), unit.getPath(), before, after);
        return after;
    }

    /** Moves a unit and its whole subtree under another parent. */
    @Transactional
    public OrgUnitView move(String code, String newParentCode) {
        OrgUnit unit = readableUnit(code);
        Problems problems = new Problems();
        OrgUnit target = newParentCode == null
                ? null
                : units.findByCode(newParentCode.trim()).orElse(null);
        if (target == null || !Access.canRead(target.getPath())) {
            problems.add("parentCode", "org.error.parent-unknown", newParentCode);
        } else if (target.getPath().startsWith(unit.getPath())) {
            problems.add("parentCode", "org.error.move-into-self");
        } else if (!unit.getKind().mayBeChildOf(target.getKind())) {
            problems.add(
                    "parentCode",
                    "org.error.kind-parent",
                    unit.getKind().label(),
                    target.getKind().label());
        }
        problems.throwIfAny();
        OrgUnit oldParent = unit.getParentId() == null
                ? null
                : units.findById(unit.getParentId()).orElseThrow();
        requireEditor(oldParent == null ? null : oldParent.getPath());
        requireEditor(target.getPath());
        if (Objects.equals(unit.getParentId(), target.getId())) {
            return view(unit);
        }
        OrgUnitView before = view(unit);
        String oldPrefix = unit.getPath();
        String newPrefix = target.getPath() + unit.getId() + "/";
        units.flush();
        units.rewritePaths(oldPrefix, oldPrefix.length(), newPrefix, target.getDepth() + 1 - unit.getDepth());
        units.updateParent(unit.getId(), target.getId());
        OrgUnit moved = units.findByCode(unit.getCode()).orElseThrow();
        OrgUnitView after = view(moved);
        audit.updated("OrgUnit", moved.getCode(), moved.getName(), moved.getPath(), before, after);
        events.publishEvent(new OrgUnitMoved(moved.getId(), oldPrefix, newPrefix));
        return after;
    }

    /** Deletes a leaf without data; refuses with the reason otherwise. */
    @Transactional
    public void delete(String code) {
        OrgUnit unit = readableUnit(code);
        requireEditor(unit.getPath());
        if (units.existsByParentId(unit.getId())) {
            throw new ConflictException("org.error.delete-children", unit.getName());
        }
        if (values.hasValues(unit.getId())) {
            throw new ConflictException("org.error.delete-data", unit.getName());
        }
        OrgUnitView before = view(unit);
        try {
            units.delete(unit);
            units.flush();
        } catch (org.springframework.dao.DataIntegrityViolationException e) {
            throw new ConflictException("org.error.delete-referenced", unit.getName());
        }
        audit.deleted("OrgUnit", unit.getCode(), unit.getName(), unit.getPath(), before);
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    OrgUnit readableUnit(String code) {
        OrgUnit unit = code == null ? null : units.findByCode(code.trim()).orElse(null);
        if (unit == null) {
            throw new NotFoundException("org unit " + code);
        }
        Access.requireRead(unit.getPath(), "org unit " + code);
        return unit;
    }

    private void requireEditor(String path) {
        if (path == null) {
            if (!Access.currentUser().grants().stream().anyMatch(g -> g.role() == Role.ADMIN && g.path() == null)) {
                throw new org.dudao.shared.ForbiddenException("error.forbidden");
            }
            return;
        }
        Access.requireRole(path, EDITORS, "org unit");
    }

    private OrgKind validate(OrgUnitForm form, Problems problems, boolean creating) {
        if (creating
                && problems.required("code", form.code())
                && !CODE.matcher(form.code().trim()).matches()) {
            problems.add("code", "org.error.code-format");
        }
        if (problems.required("name", form.name())) {
            problems.maxLength("name", form.name().trim(), 100);
        }
        problems.maxLength("address", form.address(), 200);
        problems.maxLength("contactPerson", form.contactPerson(), 50);
        problems.maxLength("contactPhone", form.contactPhone(), 30);
        OrgKind kind = null;
        if (problems.required("kind", form.kind())) {
            kind = OrgKind.parse(form.kind()).orElse(null);
            if (kind == null) {
                problems.add("kind", "org.error.kind-unknown", form.kind());
            }
        }
        Enrolment e = form.enrolment();
        if (e != null) {
            checkCount(problems, "enrolment.primary", e.primary());
            checkCount(problems, "enrolment.junior", e.junior());
            checkCount(problems, "enrolment.senior", e.senior());
            if (kind != null && !kind.isSchool() && !e.isEmpty()) {
                problems.add("enrolment", "org.error.enrolment-not-school");
            }
        }
        if (form.enrolmentYear() != null
                && !form.enrolmentYear().isBlank()
                && !form.enrolmentYear().trim().matches("(19|20)\\d\\d")) {
            problems.add("enrolmentYear", "org.error.year-format");
        }
        return kind;
    }

    private static void checkCount(Problems problems, String field, Integer n) {
        if (n != null && (n < 0 || n > 100_000)) {
            problems.add(field, "error.range", 0, 100_000);
        }
    }

    private void writeEnrolment(OrgUnit unit, OrgUnitForm form) {
        if (form.enrolment() == null) {
            return;
        }
        String year = form.enrolmentYear() == null || form.enrolmentYear().isBlank()
                ? String.valueOf(Year.now(clock).getValue())
                : form.enrolmentYear().trim();
        Integer[] counts = {
            form.enrolment().primary(),
            form.enrolment().junior(),
            form.enrolment().senior()
        };
        for (int i = 0; i < counts.length; i++) {
            values.putNumber(
                    unit.getId(),
                    unit.getPath(),
                    year,
                    ENROLMENT_ITEMS[i],
                    counts[i] == null ? null : BigDecimal.valueOf(counts[i]));
        }
    }

    private List<OrgUnit> scopeRoots() {
        DudaoUser user = Access.currentUser();
        if (user.readsEverything()) {
            return units.findByParentIdIsNullOrderBySortOrderAscCodeAsc();
        }
        List<Long> rootIds = outermost(user.readablePaths()).stream()
                .map(p -> idsOf(p).get(idsOf(p).size() - 1))
                .toList();
        return units.findAllById(rootIds).stream()
                .sorted(Comparator.comparing(OrgUnit::getPath))
                .toList();
    }

    /** The paths not inside another of {@code paths}; [null] when the whole tree is readable. */
    private static List<String> outermost(List<String> paths) {
        if (paths.contains(null)) {
            return java.util.Collections.singletonList(null);
        }
        return paths.stream()
                .filter(p -> paths.stream().noneMatch(o -> !o.equals(p) && p.startsWith(o)))
                .toList();
    }

    OrgUnitView view(OrgUnit unit) {
        return views(List.of(unit)).get(0);
    }

    /** Builds views in bulk: one query for the codes along the paths, one for enrolments. */
    List<OrgUnitView> views(List<OrgUnit> list) {
        if (list.isEmpty()) {
            return List.of();
        }
        Set<Long> pathIds =
                list.stream().flatMap(u -> idsOf(u.getPath()).stream()).collect(Collectors.toSet());
        Map<Long, String> codes = new HashMap<>();
        units.findAllById(pathIds).forEach(u -> codes.put(u.getId(), u.getCode()));
        String year = String.valueOf(Year.now(clock).getValue());
        List<Long> ids = list.stream().map(OrgUnit::getId).toList();
        Map<Long, Map<String, BigDecimal>> enrol = values.numbers(ids, year, Arrays.asList(ENROLMENT_ITEMS));
        Set<Long> withChildren = units.findParentsAmong(ids);
        List<OrgUnitView> views = new ArrayList<>(list.size());
        for (OrgUnit u : list) {
            String codePath = idsOf(u.getPath()).stream().map(codes::get).collect(Collectors.joining("/", "/", "/"));
            Map<String, BigDecimal> e = enrol.getOrDefault(u.getId(), Map.of());
            String enrolYear = year;
            if (e.isEmpty() && u.getKind().isSchool()) {
                // fall back to the latest year with figures, so an older import still shows
                String latest = values.latestPeriod(u.getId(), Arrays.asList(ENROLMENT_ITEMS));
                if (latest != null) {
                    enrolYear = latest;
                    e = values.numbers(u.getId(), latest, Arrays.asList(ENROLMENT_ITEMS));
                }
            }
            Enrolment enrolment = new Enrolment(
                    intOf(e.get(ENROLMENT_ITEMS[0])),
                    intOf(e.get(ENROLMENT_ITEMS[1])),
                    intOf(e.get(ENROLMENT_ITEMS[2])));
            views.add(new OrgUnitView(
                    u.getId(),
                    u.getCode(),
                    u.getName(),
                    u.getKind().label(),
                    u.getParentId() == null ? null : codes.get(u.getParentId()),
                    codePath,
                    u.getAddress(),
                    u.getContactPerson(),
                    u.getContactPhone(),
                    u.getSortOrder(),
                    enrolment,
                    enrolYear,
                    withChildren.contains(u.getId()),
                    u.getVersion()));
        }
        return views;
    }

    private String parentCode(OrgUnit unit) {
        return unit.getParentId() == null
                ? null
                : units.findById(unit.getParentId()).map(OrgUnit::getCode).orElse(null);
    }

    static List<Long> idsOf(String path) {
        return Arrays.stream(path.split("/"))
                .filter(s -> !s.isEmpty())
                .map(Long::valueOf)
                .toList();
    }

    private static Integer intOf(BigDecimal d) {
        return d == null ? null : d.intValue();
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private Instant now() {
        return Instant.now(clock);
    }

    /**
     * Lets other features refer to units by id without loading entities; queried a thousand ids at a time, so any
     * number of ids stays within the database's parameter limit (PostgreSQL: 32,767).
     */
    @Transactional(readOnly = true)
    public Map<Long, OrgUnitRef> refs(Collection<Long> ids) {
        Map<Long, OrgUnitRef> result = new HashMap<>();
        List<Long> list = ids.stream().filter(Objects::nonNull).distinct().toList();
        for (int from = 0; from < list.size(); from += 1000) {
            units.findRefs(list.subList(from, Math.min(list.size(), from + 1000)))
                    .forEach(r -> result.put(r.id(), r));
        }
        return result;
    }
}
