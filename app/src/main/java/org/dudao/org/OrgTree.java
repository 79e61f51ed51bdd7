package org.dudao.org;

import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.util.Objects;
import java.util.regex.Pattern;
import org.dudao.audit.AuditLog;
import org.dudao.data.DataValues;
import org.dudao.org.internal.OrgUnit;
import org.dudao.org.internal.OrgUnitRepository;
import org.dudao.org.internal.OrgViews;
import org.dudao.shared.Access;
import org.dudao.shared.ChangeClock;
import org.dudao.shared.ConflictException;
import org.dudao.shared.Problems;
import org.dudao.shared.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Edits of the org tree: create, update (with the enrolment), move a subtree, delete a leaf. ADMIN or DIRECTOR
 * ({@link Role#OFFICE}) covering the unit may edit; a new top node needs an administrator of the whole tree.
 */
@Service
public class OrgTree {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,31}");

    private final OrgUnitRepository units;
    private final OrgViews views;
    private final DataValues values;
    private final Enrolments enrolments;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ChangeClock changes;

    OrgTree(
            OrgUnitRepository units,
            OrgViews views,
            DataValues values,
            Enrolments enrolments,
            AuditLog audit,
            ApplicationEventPublisher events,
            Clock clock,
            ChangeClock changes) {
        this.units = units;
        this.views = views;
        this.values = values;
        this.enrolments = enrolments;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.changes = changes;
    }

    /** Whether the current user edits units anywhere (an office), so the screens offer creating and importing. */
    public boolean mayEdit() {
        return Access.holdsAny(Role.OFFICE);
    }

    /** Whether the current user may edit the readable unit {@code code} (for the screens' buttons). */
    @Transactional(readOnly = true)
    public boolean canEdit(String code) {
        return Access.can(Role.OFFICE, units.findReadable(code).getPath());
    }

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
        OrgUnitView view = views.view(unit);
        audit.created("OrgUnit", unit.getCode(), unit.getName(), unit.getPath(), view);
        return view;
    }

    @Transactional
    public OrgUnitView update(String code, OrgUnitForm form) {
        OrgUnit unit = units.findReadable(code);
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
        OrgUnitView before = views.view(unit);
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
        OrgUnitView after = views.view(unit);
        audit.updated("OrgUnit", unit.getCode(), unit.getName(), unit.getPath(), before, after);
        return after;
    }

    /** Moves a unit and its whole subtree under another parent. */
    @Transactional
    public OrgUnitView move(String code, String newParentCode) {
        OrgUnit unit = units.findReadable(code);
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
            return views.view(unit);
        }
        OrgUnitView before = views.view(unit);
        String oldPrefix = unit.getPath();
        String newPrefix = target.getPath() + unit.getId() + "/";
        units.flush();
        units.rewritePaths(oldPrefix, oldPrefix.length(), newPrefix, target.getDepth() + 1 - unit.getDepth());
        units.updateParent(unit.getId(), target.getId());
        changes.bump("org"); // paths and parent were rewritten past Hibernate's entity events
        OrgUnit moved = units.findByCode(unit.getCode()).orElseThrow();
        OrgUnitView after = views.view(moved);
        audit.updated("OrgUnit", moved.getCode(), moved.getName(), moved.getPath(), before, after);
        events.publishEvent(new OrgUnitMoved(moved.getId(), oldPrefix, newPrefix));
        return after;
    }

    /** Deletes a leaf without data; refuses with the reason otherwise. */
    @Transactional
    public void delete(String code) {
        OrgUnit unit = units.findReadable(code);
        requireEditor(unit.getPath());
        if (units.existsByParentId(unit.getId())) {
            throw new ConflictException("org.error.delete-children", unit.getName());
        }
        if (values.hasValues(unit.getId())) {
            throw new ConflictException("org.error.delete-data", unit.getName());
        }
        OrgUnitView before = views.view(unit);
        try {
            units.delete(unit);
            units.flush();
        } catch (org.springframework.dao.DataIntegrityViolationException e) {
            throw new ConflictException("org.error.delete-referenced", unit.getName());
        }
        audit.deleted("OrgUnit", unit.getCode(), unit.getName(), unit.getPath(), before);
    }

    private void requireEditor(String path) {
        if (path == null) {
            // a new top node: only an administrator of the whole tree
            if (Access.grants().stream().noneMatch(g -> g.role() == Role.ADMIN && g.path() == null)) {
                throw new org.dudao.shared.ForbiddenException("error.forbidden");
            }
            return;
        }
        Access.requireRole(path, Role.OFFICE, "org unit");
    }

    private OrgKind validate(OrgUnitForm form, Problems problems, boolean creating) {
        if (creating
                && problems.required("code", form.code())
                && !CODE.matcher(form.code().trim()).matches()) {
            problems.add("code", "org.error.code-format");
        }
        if (problems.required("name", form.name())) {
            problems.name("name", form.name(), 100);
        }
        problems.maxLength("address", form.address(), 200);
        problems.name("contactPerson", form.contactPerson(), 50);
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
        enrolments.write(unit.getId(), unit.getPath(), year, form.enrolment());
    }

    private String parentCode(OrgUnit unit) {
        return unit.getParentId() == null
                ? null
                : units.findById(unit.getParentId()).map(OrgUnit::getCode).orElse(null);
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
