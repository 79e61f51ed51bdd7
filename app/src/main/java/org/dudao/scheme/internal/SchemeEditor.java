package org.dudao.scheme.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dudao.audit.AuditLog;
import org.dudao.data.DataItems;
import org.dudao.org.OrgUnitRef;
import org.dudao.org.OrgUnits;
import org.dudao.scheme.SchemeDoc;
import org.dudao.scheme.VersionInfo;
import org.dudao.shared.Access;
import org.dudao.shared.ConflictException;
import org.dudao.shared.FieldProblem;
import org.dudao.shared.ForbiddenException;
import org.dudao.shared.Grant;
import org.dudao.shared.InvalidInputException;
import org.dudao.shared.Role;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writing schemes: new schemes and versions (saving always makes a new version), corrections of a version no
 * evaluation uses yet, clones and locks. ADMIN or DIRECTOR ({@link Role#OFFICE}) covering the owner may write.
 */
@Service
public class SchemeEditor {

    private final SchemeRepository schemes;
    private final SchemeVersionRepository versions;
    private final SchemeStore store;
    private final OrgUnits orgUnits;
    private final DataItems items;
    private final AuditLog audit;
    private final Clock clock;

    SchemeEditor(
            SchemeRepository schemes,
            SchemeVersionRepository versions,
            SchemeStore store,
            OrgUnits orgUnits,
            DataItems items,
            AuditLog audit,
            Clock clock) {
        this.schemes = schemes;
        this.versions = versions;
        this.store = store;
        this.orgUnits = orgUnits;
        this.items = items;
        this.audit = audit;
        this.clock = clock;
    }

    /** Whether a scheme with this code exists at all (for idempotent seeding; no scope check). */
    boolean exists(String code) {
        return schemes.existsByCode(code);
    }

    /** The result of checking a scheme without saving it. */
    public record Check(boolean valid, List<SchemeDoc.Problem> errors, List<SchemeDoc.Problem> warnings) {}

    /** Validates {@code doc} as it would be on save, without saving (the editor's live check). */
    @Transactional(readOnly = true)
    public Check check(SchemeDoc doc) {
        SchemeMapper.Mapped m = SchemeMapper.check(doc);
        List<SchemeDoc.Problem> warnings = unknownItems(m.tree());
        return new Check(m.problems().isEmpty(), m.problems(), warnings);
    }

    /**
     * Creates a scheme, or a new version of the scheme with the same code. The owner is {@code orgUnit} when
     * given (new schemes only), else the top node where the caller is DIRECTOR or ADMIN.
     */
    @Transactional
    public SchemeDoc save(SchemeDoc doc) {
        String code = doc.code() == null ? null : doc.code().trim();
        Scheme existing =
                code == null || code.isEmpty() ? null : schemes.findByCode(code).orElse(null);
        OrgUnitRef owner;
        List<SchemeDoc.Problem> extra = new ArrayList<>();
        if (existing != null) {
            owner = store.owner(existing);
            requireEditor(owner.path(), code);
            if (doc.orgUnit() != null
                    && !doc.orgUnit().isBlank()
                    && !doc.orgUnit().trim().equals(owner.code())) {
                extra.add(new SchemeDoc.Problem("orgUnit", "方案所属单位不能更改（当前为 " + owner.name() + "），如需在其他单位使用请克隆方案"));
            }
        } else {
            owner = ownerFor(doc.orgUnit());
        }
        SchemeMapper.Mapped m = valid(doc, extra);
        String definition = store.write(SchemeMapper.toDoc(m.def()));
        Instant now = Instant.now(clock);
        Scheme scheme = existing;
        if (scheme == null) {
            scheme = schemes.saveAndFlush(new Scheme(code, m.def().name(), owner.id(), Access.currentUsername(), now));
            audit.created("Scheme", code, m.def().name(), owner.path(), Map.of("code", code, "orgUnit", owner.code()));
        }
        int number = scheme.nextVersion(m.def().name(), now);
        SchemeVersion v = versions.save(new SchemeVersion(
                scheme.getId(),
                number,
                m.def().name(),
                m.def().maxScore(),
                definition,
                trimToNull(doc.note()),
                Access.currentUsername(),
                now));
        schemes.flush();
        audit.created("SchemeVersion", code + "@" + number, m.def().name(), owner.path(), auditView(v));
        return store.doc(scheme, v).withWarnings(unknownItems(m.tree()));
    }

    /**
     * Corrects a version in place while no evaluation uses it, given the revision the editor read; a locked version
     * or a stale revision is refused (409).
     */
    @Transactional
    public SchemeDoc correct(String code, int number, SchemeDoc doc) {
        Scheme scheme = store.readable(code);
        OrgUnitRef owner = store.owner(scheme);
        requireEditor(owner.path(), code);
        SchemeVersion v = store.version(scheme, number);
        if (v.isLocked()) {
            throw new ConflictException("scheme.error.locked", code, number);
        }
        // the revision read is required: two directors correcting the same draft must not overwrite each other
        if (doc.revision() == null) {
            throw InvalidInputException.of("revision", "error.required");
        }
        if (doc.revision() != v.getRevision()) {
            throw new ObjectOptimisticLockingFailureException(SchemeVersion.class, v.getId());
        }
        List<SchemeDoc.Problem> extra = new ArrayList<>();
        if (doc.code() != null && !doc.code().trim().equals(scheme.getCode())) {
            extra.add(new SchemeDoc.Problem("code", "方案编码不能更改"));
        }
        SchemeDoc withCode = new SchemeDoc(
                scheme.getCode(),
                doc.name(),
                doc.maxScore(),
                doc.grades(),
                doc.indicators(),
                doc.vetoes(),
                null,
                null,
                null,
                null,
                doc.note(),
                null);
        SchemeMapper.Mapped m = valid(withCode, extra);
        Map<String, Object> before = auditView(v);
        v.correct(m.def().name(), m.def().maxScore(), store.write(SchemeMapper.toDoc(m.def())));
        versions.flush();
        audit.updated("SchemeVersion", code + "@" + number, m.def().name(), owner.path(), before, auditView(v));
        return store.doc(scheme, v).withWarnings(unknownItems(m.tree()));
    }

    /** Copies a readable scheme version (null: latest) as version 1 of a new scheme. */
    @Transactional
    public SchemeDoc cloneScheme(String code, Integer number, String newCode, String newName, String orgUnit) {
        Scheme from = store.readable(code);
        SchemeDoc source = store.doc(from, store.version(from, number));
        List<FieldProblem> problems = new ArrayList<>();
        if (newCode == null || newCode.isBlank()) {
            problems.add(new FieldProblem("code", "error.required"));
        } else if (schemes.existsByCode(newCode.trim())) {
            problems.add(new FieldProblem("code", "scheme.error.code-taken", newCode.trim()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String name = newName == null || newName.isBlank() ? source.name() : newName.trim();
        SchemeDoc copy = source.withCodeAndName(newCode.trim(), name);
        copy = new SchemeDoc(
                copy.code(),
                copy.name(),
                copy.maxScore(),
                copy.grades(),
                copy.indicators(),
                copy.vetoes(),
                null,
                orgUnit,
                null,
                null,
                "克隆自 " + code + " 第 " + source.version() + " 版",
                null);
        return save(copy);
    }

    /** Locks a version by hand (a director publishing it); the same as an evaluation starting to use it. */
    @Transactional
    public VersionInfo lock(String code, int number) {
        Scheme scheme = store.readable(code);
        OrgUnitRef owner = store.owner(scheme);
        requireEditor(owner.path(), code);
        SchemeVersion v = store.version(scheme, number);
        store.lock(scheme, owner, v);
        return store.info(scheme, v);
    }

    private SchemeMapper.Mapped valid(SchemeDoc doc, List<SchemeDoc.Problem> extra) {
        SchemeMapper.Mapped m = SchemeMapper.check(doc);
        List<SchemeDoc.Problem> all = new ArrayList<>(extra);
        all.addAll(m.problems());
        if (!all.isEmpty()) {
            throw new InvalidInputException(all.stream()
                    .map(p -> new FieldProblem(p.field(), p.message()))
                    .toList());
        }
        return m;
    }

    /** Items a leaf or veto refers to that are not in the data item catalogue: saved, but flagged. */
    private List<SchemeDoc.Problem> unknownItems(SchemeDoc tree) {
        Map<String, String> byPath = new LinkedHashMap<>();
        SchemeMapper.forEachItem(tree, byPath::put);
        if (byPath.isEmpty()) {
            return List.of();
        }
        Set<String> known = items.byCode(byPath.values()).keySet();
        List<SchemeDoc.Problem> warnings = new ArrayList<>();
        byPath.forEach((path, item) -> {
            if (!known.contains(item)) {
                warnings.add(new SchemeDoc.Problem(path, "数据项 " + item + " 不在数据项目录中，采集时无法取得该值"));
            }
        });
        return warnings;
    }

    private void requireEditor(String path, String what) {
        Access.requireReadInherited(path, "scheme " + what);
        if (!Access.can(Role.OFFICE, path)) {
            throw new ForbiddenException("error.forbidden");
        }
    }

    /** {@code orgUnit} when given, else the outermost node where the caller is DIRECTOR or ADMIN. */
    private OrgUnitRef ownerFor(String orgUnit) {
        if (orgUnit != null && !orgUnit.isBlank()) {
            OrgUnitRef ref = orgUnits.readable(orgUnit.trim());
            requireEditor(ref.path(), orgUnit);
            return ref;
        }
        Grant grant = Access.grants().stream()
                .filter(g -> Role.OFFICE.contains(g.role()))
                .min(Comparator.comparingInt(
                        g -> g.path() == null ? 0 : g.path().length()))
                .orElseThrow(() -> new ForbiddenException("error.forbidden"));
        if (grant.orgUnitId() == null) {
            var roots = orgUnits.children(null);
            if (roots.isEmpty()) {
                throw InvalidInputException.of("orgUnit", "error.required");
            }
            return orgUnits.readable(roots.get(0).code());
        }
        return orgUnits.readable(grant.orgUnitId());
    }

    private static Map<String, Object> auditView(SchemeVersion v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", v.getNumber());
        m.put("name", v.getName());
        m.put("maxScore", v.getMaxScore());
        m.put("revision", v.getRevision());
        m.put("locked", v.isLocked());
        return m;
    }

    private static String trimToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
