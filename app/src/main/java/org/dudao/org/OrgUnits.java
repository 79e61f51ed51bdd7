package org.dudao.org;

import jakarta.persistence.criteria.Predicate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dudao.org.internal.OrgUnit;
import org.dudao.org.internal.OrgUnitRepository;
import org.dudao.org.internal.OrgViews;
import org.dudao.shared.Access;
import org.dudao.shared.DudaoUser;
import org.dudao.shared.NotFoundException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads of the org tree, for the screens and for other features (units by code or id, subtrees, refs). Every
 * method checks scope through {@link Access}; edits are {@link OrgTree}'s.
 */
@Service
public class OrgUnits {

    private final OrgUnitRepository units;
    private final OrgViews views;

    OrgUnits(OrgUnitRepository units, OrgViews views) {
        this.units = units;
        this.views = views;
    }

    /** A unit the current user may read, for other features. */
    @Transactional(readOnly = true)
    public OrgUnitRef readable(String code) {
        return units.findReadable(code).toRef();
    }

    @Transactional(readOnly = true)
    public OrgUnitRef readable(Long id) {
        OrgUnit unit = units.findById(id).orElseThrow(() -> new NotFoundException("org unit " + id));
        Access.requireRead(unit.getPath(), "org unit " + id);
        return unit.toRef();
    }

    @Transactional(readOnly = true)
    public OrgUnitView get(String code) {
        return views.view(units.findReadable(code));
    }

    /** Children of {@code parentCode}; without a parent, the top nodes of the user's scope. */
    @Transactional(readOnly = true)
    public List<OrgUnitView> children(String parentCode) {
        List<OrgUnit> list;
        if (parentCode == null || parentCode.isBlank()) {
            list = scopeRoots();
        } else {
            list = units.findByParentIdOrderBySortOrderAscCodeAsc(
                    units.findReadable(parentCode).getId());
        }
        return views.views(list);
    }

    /** The whole readable subtree below {@code code} (inclusive), in tree order, for other features. */
    @Transactional(readOnly = true)
    public List<OrgUnitRef> subtree(String code) {
        return units
                .findByPathStartingWithOrderByPathAsc(units.findReadable(code).getPath())
                .stream()
                .map(OrgUnit::toRef)
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
                    .forEach(u -> result.put(u.getCode(), u.toRef()));
        }
        return result;
    }

    /** The ancestors of a readable unit that the user may also read, root first (breadcrumbs). */
    @Transactional(readOnly = true)
    public List<OrgUnitRef> ancestors(String code) {
        OrgUnit unit = units.findReadable(code);
        List<Long> ids = OrgViews.idsOf(unit.getPath());
        Map<Long, OrgUnit> byId =
                units.findAllById(ids).stream().collect(Collectors.toMap(OrgUnit::getId, Function.identity()));
        return ids.stream()
                .map(byId::get)
                .filter(u -> u != null && Access.canRead(u.getPath()))
                .map(OrgUnit::toRef)
                .toList();
    }

    /** Searches the user's scope by name or code, optionally under one unit and of one kind. */
    @Transactional(readOnly = true)
    public Page<OrgUnitView> search(String query, OrgKind kind, String underCode, Pageable pageable) {
        List<String> prefixes = underCode == null || underCode.isBlank()
                ? Access.currentUser().readablePaths()
                : List.of(units.findReadable(underCode).getPath());
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
        Map<Long, OrgUnitView> byId = this.views.views(page.getContent()).stream()
                .collect(Collectors.toMap(OrgUnitView::id, Function.identity()));
        return page.map(u -> byId.get(u.getId()));
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
        for (Object[] row : units.countByKindUnder(units.findReadable(code).getPath())) {
            counts.put((OrgKind) row[0], (Long) row[1]);
        }
        return counts;
    }

    private List<OrgUnit> scopeRoots() {
        DudaoUser user = Access.currentUser();
        if (user.readsEverything()) {
            return units.findByParentIdIsNullOrderBySortOrderAscCodeAsc();
        }
        List<Long> rootIds = outermost(user.readablePaths()).stream()
                .map(p -> OrgViews.idsOf(p).get(OrgViews.idsOf(p).size() - 1))
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
