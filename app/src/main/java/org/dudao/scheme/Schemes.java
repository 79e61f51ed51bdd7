package org.dudao.scheme;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.dudao.data.DataItem;
import org.dudao.data.DataItems;
import org.dudao.engine.CompiledScheme;
import org.dudao.org.OrgUnitRef;
import org.dudao.org.OrgUnits;
import org.dudao.scheme.internal.Scheme;
import org.dudao.scheme.internal.SchemeRepository;
import org.dudao.scheme.internal.SchemeStore;
import org.dudao.scheme.internal.SchemeVersion;
import org.dudao.scheme.internal.SchemeVersionRepository;
import org.dudao.shared.Access;
import org.dudao.shared.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading evaluation schemes and using their versions. A scheme is owned by an org node: it is readable inside
 * the owner's subtree and by anyone whose scope contains the owner; ADMIN or DIRECTOR ({@link Role#OFFICE})
 * covering the owner may write it. Every method checks that through {@link Access}, except
 * {@link #compiled(long)} for features that checked scope on their own object.
 */
@Service
public class Schemes {

    private final SchemeRepository schemes;
    private final SchemeVersionRepository versions;
    private final SchemeStore store;
    private final OrgUnits orgUnits;
    private final DataItems items;

    Schemes(
            SchemeRepository schemes,
            SchemeVersionRepository versions,
            SchemeStore store,
            OrgUnits orgUnits,
            DataItems items) {
        this.schemes = schemes;
        this.versions = versions;
        this.store = store;
        this.orgUnits = orgUnits;
        this.items = items;
    }

    /** Every scheme the current user may read, by code. */
    @Transactional(readOnly = true)
    public List<SchemeSummary> list() {
        List<Scheme> all = schemes.findAll();
        Map<Long, OrgUnitRef> owners =
                orgUnits.refs(all.stream().map(Scheme::getOrgUnitId).distinct().toList());
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
                    Access.can(Role.OFFICE, owner.path())));
        }
        result.sort(Comparator.comparing(SchemeSummary::code));
        return result;
    }

    /** The latest version of a readable scheme. */
    @Transactional(readOnly = true)
    public SchemeDoc latest(String code) {
        return version(code, null);
    }

    /** One version; null {@code number} means the latest. */
    @Transactional(readOnly = true)
    public SchemeDoc version(String code, Integer number) {
        Scheme s = store.readable(code);
        return store.doc(s, store.version(s, number));
    }

    @Transactional(readOnly = true)
    public List<VersionInfo> versions(String code) {
        Scheme s = store.readable(code);
        return versions.findBySchemeIdOrderByNumberDesc(s.getId()).stream()
                .map(v -> store.info(s, v))
                .toList();
    }

    @Transactional(readOnly = true)
    public VersionInfo versionInfo(String code, Integer number) {
        Scheme s = store.readable(code);
        return store.info(s, store.version(s, number));
    }

    /** Whether the current user may write the scheme (create versions, lock, clone into its owner). */
    @Transactional(readOnly = true)
    public boolean canEdit(String code) {
        return Access.can(Role.OFFICE, store.owner(store.readable(code)).path());
    }

    /** Whether the current user may create schemes somewhere (the list screen's buttons). */
    public boolean canCreate() {
        return Access.holdsAny(Role.OFFICE);
    }

    /** The compiled form of a readable scheme version (null: latest), for scoring. Compiled once, then cached. */
    @Transactional(readOnly = true)
    public CompiledScheme compiled(String code, Integer number) {
        Scheme s = store.readable(code);
        return store.compiled(store.version(s, number));
    }

    /**
     * The compiled form of a version by id, for features that refer to versions by id and checked scope on their
     * own object (an evaluation project): no scope check here. A locked version never changes again, so after
     * the first call it comes from memory without touching the database (no transaction either: the one
     * lookup of a version not yet cached runs in the repository's own).
     */
    public CompiledScheme compiled(long versionId) {
        return store.compiled(versionId);
    }

    /** The id of a readable version (null: latest), for evaluations that store it. */
    @Transactional(readOnly = true)
    public long versionId(String code, Integer number) {
        Scheme s = store.readable(code);
        return store.version(s, number).getId();
    }

    /**
     * Marks a version as used by an evaluation: from now on it is read-only (changes make a new version).
     * Idempotent. The caller (an evaluation of a unit that may read the scheme) needs read access only.
     */
    @Transactional
    public VersionInfo markInUse(long schemeVersionId) {
        SchemeVersion v = store.readableVersion(schemeVersionId);
        Scheme scheme = store.schemeOf(v);
        store.lock(scheme, store.owner(scheme), v);
        return store.info(scheme, v);
    }

    /**
     * Resolves a readable version (null: latest) and marks it used by an evaluation in one call; the returned
     * info carries the id to store. The caller needs read access only, as for {@link #markInUse}.
     */
    @Transactional
    public VersionInfo use(String code, Integer number) {
        Scheme scheme = store.readable(code);
        SchemeVersion v = store.version(scheme, number);
        store.lock(scheme, store.owner(scheme), v);
        return store.info(scheme, v);
    }

    /** Data items that schemes can read, in catalogue order. */
    @Transactional(readOnly = true)
    public List<ItemInfo> items() {
        return items.all().values().stream()
                .sorted(Comparator.comparing(DataItem::getId))
                .filter(DataItem::isNumeric)
                .map(ItemInfo::of)
                .toList();
    }

    /** Items by code, for labels. */
    @Transactional(readOnly = true)
    public Map<String, ItemInfo> items(Collection<String> codes) {
        return items.byCode(codes).values().stream()
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
}
