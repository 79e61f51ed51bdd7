package org.dudao.scheme;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.dudao.audit.AuditLog;
import org.dudao.data.DataItem;
import org.dudao.data.DataItemRepository;
import org.dudao.engine.CompiledScheme;
import org.dudao.engine.SchemeCompiler;
import org.dudao.org.OrgUnitRef;
import org.dudao.org.OrgUnits;
import org.dudao.shared.Access;
import org.dudao.shared.ConflictException;
import org.dudao.shared.DudaoUser;
import org.dudao.shared.FieldProblem;
import org.dudao.shared.ForbiddenException;
import org.dudao.shared.Grant;
import org.dudao.shared.InvalidInputException;
import org.dudao.shared.NotFoundException;
import org.dudao.shared.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use cases of evaluation schemes. A scheme is owned by an org node: it is readable inside the owner's subtree
 * and by anyone whose scope contains the owner; DIRECTOR or ADMIN covering the owner may write. Every method
 * checks that through {@link Access}.
 */
@Service
public class Schemes {

    /** Who may create, version, clone, import and lock schemes inside their scope. */
    public static final Set<Role> EDITORS = EnumSet.of(Role.ADMIN, Role.DIRECTOR);

    private final SchemeRepository schemes;
    private final SchemeVersionRepository versions;
    private final OrgUnits orgUnits;
    private final DataItemRepository items;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final Clock clock;
    /** Compiled versions by "id:revision"; a version's content never changes under one key. */
    private final Map<String, CompiledScheme> compiled = new ConcurrentHashMap<>();

    Schemes(
            SchemeRepository schemes,
            SchemeVersionRepository versions,
            OrgUnits orgUnits,
            DataItemRepository items,
            AuditLog audit,
            ObjectMapper json,
            Clock clock) {
        this.schemes = schemes;
        this.versions = versions;
        this.orgUnits = orgUnits;
        this.items = items;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /** Whether a scheme with this code exists at all (for idempotent seeding; no scope check). */
    boolean exists(String code) {
        return schemes.existsByCode(code);
    }

    // ---- reads --------------------------------------------------------------------------------------------

    /** Every scheme the current user may read, by code. */
    @Transactional(readOnly = true)
    public List<SchemeSummary> list() {
        List<Scheme> all = schemes.findAll();
        Map<Long, OrgUnitRef> owners =
                orgUnits.refs(all.stream().map(Scheme::getOrgUnitId).distinct().toList());
        DudaoUser user = Access.currentUser();
        List<SchemeSummary> result = new ArrayList<>();
        for (Scheme s : all) {
            OrgUnitRef owner = owners.get(s.getOrgUnitId());
            if (owner == null || !Access.canReadInherited(owner.path())) {
                continue;
            }
            SchemeVersion v = versions.findBySchemeIdAndNumber(s.getId(), s.getLatestVersion())
                    .orElseThrow();
            result.add(new SchemeSummary(
                    s.getCode(),
                    v.getName(),
                    v.getNumber(),
                    v.getMaxScore(),
                    owner.code(),
                    owner.name(),
                    v.isLocked(),
                    s.getUpdatedAt(),
                    user.can(EDITORS, owner.path())));
        }
        result.sort(Comparator.comparing(SchemeSummary::code));
        return result;
    }

    /** The latest version of a readable scheme. */
    @Transactional(readOnly = true)
    public SchemeDoc latest(String code) {
        Scheme s = readable(code);
        return doc(s, version(s, s.getLatestVersion()));
    }

    /** One version; null {@code number} means the latest. */
    @Transactional(readOnly = true)
    public SchemeDoc version(String code, Integer number) {
        Scheme s = readable(code);
        return doc(s, version(s, number == null ? s.getLatestVersion() : number));
    }

    @Transactional(readOnly = true)
    public List<VersionInfo> versions(String code) {
        Scheme s = readable(code);
        return versions.findBySchemeIdOrderByNumberDesc(s.getId()).stream()
                .map(v -> info(s, v))
                .toList();
    }

    @Transactional(readOnly = true)
    public VersionInfo versionInfo(String code, Integer number) {
        Scheme s = readable(code);
        return info(s, version(s, number == null ? s.getLatestVersion() : number));
    }

    /** Whether the current user may write the scheme (create versions, lock, clone into its owner). */
    @Transactional(readOnly = true)
    public boolean canEdit(String code) {
        Scheme s = readable(code);
        return Access.currentUser().can(EDITORS, owner(s).path());
    }

    /** The compiled form of a readable scheme version (null: latest), for scoring. Compiled once, then cached. */
    @Transactional(readOnly = true)
    public CompiledScheme compiled(String code, Integer number) {
        Scheme s = readable(code);
        return compiled(version(s, number == null ? s.getLatestVersion() : number));
    }

    /** The compiled form of a version by id, for evaluations that refer to versions by id. */
    @Transactional(readOnly = true)
    public CompiledScheme compiled(long versionId) {
        SchemeVersion v = readableVersion(versionId);
        return compiled(v);
    }

    /** Data items that schemes can read, in catalogue order. */
    @Transactional(readOnly = true)
    public List<ItemInfo> items() {
        return items.findAll().stream()
                .sorted(Comparator.comparing(DataItem::getId))
                .filter(DataItem::isNumeric)
                .map(ItemInfo::of)
                .toList();
    }

    /** Items by code, for labels. */
    @Transactional(readOnly = true)
    public Map<String, ItemInfo> items(java.util.Collection<String> codes) {
        return items.findByCodeIn(codes).stream()
                .map(ItemInfo::of)
                .collect(Collectors.toMap(ItemInfo::code, i -> i, (a, b) -> a, LinkedHashMap::new));
    }

    /** A data item as the scheme editor and the what-if form show it. */
    public record ItemInfo(String code, String name, String unit, String valueType) {
        static ItemInfo of(DataItem i) {
            return new ItemInfo(
                    i.getCode(), i.getName(), i.getUnit(), i.getValueType().name());
        }
    }

    // ---- checks -------------------------------------------------------------------------------------------

    /** The result of checking a scheme without saving it. */
    public record Check(boolean valid, List<SchemeDoc.Problem> errors, List<SchemeDoc.Problem> warnings) {}

    /** Validates {@code doc} as it would be on save, without saving (the editor's live check). */
    @Transactional(readOnly = true)
    public Check check(SchemeDoc doc) {
        SchemeMapper.Mapped m = SchemeMapper.check(doc);
        List<SchemeDoc.Problem> warnings = unknownItems(m.tree());
        return new Check(m.problems().isEmpty(), m.problems(), warnings);
    }

    // ---- writes -------------------------------------------------------------------------------------------

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
            owner = owner(existing);
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
        String definition = write(SchemeMapper.toDoc(m.def()));
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
        return doc(scheme, v).withWarnings(unknownItems(m.tree()));
    }

    /** Corrects a version in place while no evaluation uses it; a locked version is refused (409). */
    @Transactional
    public SchemeDoc correct(String code, int number, SchemeDoc doc) {
        Scheme scheme = readable(code);
        OrgUnitRef owner = owner(scheme);
        requireEditor(owner.path(), code);
        SchemeVersion v = version(scheme, number);
        if (v.isLocked()) {
            throw new ConflictException("scheme.error.locked", code, number);
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
        v.correct(m.def().name(), m.def().maxScore(), write(SchemeMapper.toDoc(m.def())));
        versions.flush();
        audit.updated("SchemeVersion", code + "@" + number, m.def().name(), owner.path(), before, auditView(v));
        return doc(scheme, v).withWarnings(unknownItems(m.tree()));
    }

    /** Copies a readable scheme version (null: latest) as version 1 of a new scheme. */
    @Transactional
    public SchemeDoc cloneScheme(String code, Integer number, String newCode, String newName, String orgUnit) {
        SchemeDoc source = version(code, number);
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
        Scheme scheme = readable(code);
        OrgUnitRef owner = owner(scheme);
        requireEditor(owner.path(), code);
        SchemeVersion v = version(scheme, number);
        lock(scheme, owner, v);
        return info(scheme, v);
    }

    /**
     * Marks a version as used by an evaluation: from now on it is read-only (changes make a new version).
     * Idempotent. The caller (an evaluation of a unit that may read the scheme) needs read access only.
     */
    @Transactional
    public VersionInfo markInUse(long schemeVersionId) {
        SchemeVersion v = readableVersion(schemeVersionId);
        Scheme scheme = schemes.findById(v.getSchemeId()).orElseThrow();
        lock(scheme, owner(scheme), v);
        return info(scheme, v);
    }

    /** The id of a readable version (null: latest), for evaluations that store it. */
    @Transactional(readOnly = true)
    public long versionId(String code, Integer number) {
        Scheme s = readable(code);
        return version(s, number == null ? s.getLatestVersion() : number).getId();
    }

    // ---- files --------------------------------------------------------------------------------------------

    /** A readable version (null: latest) as an Excel workbook, one row per indicator. */
    @Transactional(readOnly = true)
    public byte[] exportExcel(String code, Integer number) {
        return SchemeExcel.write(version(code, number));
    }

    /** A readable version (null: latest) as JSON: the definition without version metadata, ready to import. */
    @Transactional(readOnly = true)
    public byte[] exportJson(String code, Integer number) {
        try {
            return json.writerWithDefaultPrettyPrinter()
                    .writeValueAsBytes(version(code, number).definition());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Imports a scheme file, JSON or Excel (told apart by content): a new scheme or a new version of the scheme
     * with the file's code. {@code orgUnit} is the owner of a new scheme (optional, as in {@link #save}).
     */
    @Transactional
    public SchemeDoc importFile(byte[] content, String orgUnit) {
        if (content == null || content.length == 0) {
            throw InvalidInputException.of("file", "scheme.import.empty");
        }
        SchemeDoc doc;
        boolean zip = content.length > 2 && content[0] == 'P' && content[1] == 'K';
        if (zip) {
            doc = SchemeExcel.read(new java.io.ByteArrayInputStream(content));
        } else {
            try {
                doc = json.readValue(content, SchemeDoc.class);
            } catch (java.io.IOException e) {
                throw InvalidInputException.of("file", "scheme.import.unreadable");
            }
        }
        if (doc == null) { // the JSON literal null
            throw InvalidInputException.of("file", "scheme.import.unreadable");
        }
        String owner = orgUnit == null || orgUnit.isBlank() ? doc.orgUnit() : orgUnit;
        return save(new SchemeDoc(
                doc.code(),
                doc.name(),
                doc.maxScore(),
                doc.grades(),
                doc.indicators(),
                doc.vetoes(),
                null,
                owner,
                null,
                null,
                doc.note(),
                null));
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private void lock(Scheme scheme, OrgUnitRef owner, SchemeVersion v) {
        if (v.lock(Instant.now(clock))) {
            versions.flush();
            audit.updated(
                    "SchemeVersion",
                    scheme.getCode() + "@" + v.getNumber(),
                    v.getName(),
                    owner.path(),
                    Map.of("locked", false),
                    Map.of("locked", true));
        }
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
        Set<String> known = items.findByCodeIn(byPath.values()).stream()
                .map(DataItem::getCode)
                .collect(Collectors.toSet());
        List<SchemeDoc.Problem> warnings = new ArrayList<>();
        byPath.forEach((path, item) -> {
            if (!known.contains(item)) {
                warnings.add(new SchemeDoc.Problem(path, "数据项 " + item + " 不在数据项目录中，采集时无法取得该值"));
            }
        });
        return warnings;
    }

    private CompiledScheme compiled(SchemeVersion v) {
        return compiled.computeIfAbsent(
                v.getId() + ":" + v.getRevision(),
                k -> SchemeCompiler.compile(SchemeMapper.toDef(read(v.getDefinition()))));
    }

    Scheme readable(String code) {
        Scheme s = code == null ? null : schemes.findByCode(code.trim()).orElse(null);
        if (s == null) {
            throw new NotFoundException("scheme " + code);
        }
        Access.requireReadInherited(owner(s).path(), "scheme " + code);
        return s;
    }

    private SchemeVersion readableVersion(long versionId) {
        SchemeVersion v =
                versions.findById(versionId).orElseThrow(() -> new NotFoundException("scheme version " + versionId));
        Scheme s = schemes.findById(v.getSchemeId()).orElseThrow();
        Access.requireReadInherited(owner(s).path(), "scheme version " + versionId);
        return v;
    }

    private SchemeVersion version(Scheme s, int number) {
        return versions.findBySchemeIdAndNumber(s.getId(), number)
                .orElseThrow(() -> new NotFoundException("scheme " + s.getCode() + " version " + number));
    }

    private OrgUnitRef owner(Scheme s) {
        OrgUnitRef ref = orgUnits.refs(List.of(s.getOrgUnitId())).get(s.getOrgUnitId());
        if (ref == null) {
            throw new IllegalStateException("owner of scheme " + s.getCode() + " is gone");
        }
        return ref;
    }

    private void requireEditor(String path, String what) {
        Access.requireReadInherited(path, "scheme " + what);
        if (!Access.currentUser().can(EDITORS, path)) {
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
        Grant grant = Access.currentUser().grants().stream()
                .filter(g -> EDITORS.contains(g.role()))
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

    private SchemeDoc doc(Scheme s, SchemeVersion v) {
        OrgUnitRef owner = owner(s);
        return read(v.getDefinition()).withMeta(v.getNumber(), owner.code(), owner.name(), v.isLocked(), v.getNote());
    }

    private VersionInfo info(Scheme s, SchemeVersion v) {
        return new VersionInfo(
                v.getId(),
                s.getCode(),
                v.getNumber(),
                v.getName(),
                v.getMaxScore(),
                v.isLocked(),
                v.getLockedAt(),
                v.getNote(),
                v.getCreatedBy(),
                v.getCreatedAt());
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

    private SchemeDoc read(String definition) {
        try {
            return json.readValue(definition, SchemeDoc.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored scheme definition is not readable", e);
        }
    }

    private String write(SchemeDoc doc) {
        try {
            return json.writeValueAsString(doc.definition());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String trimToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
