package org.dudao.org.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.dudao.org.OrgUnitRef;
import org.dudao.shared.Access;
import org.dudao.shared.NotFoundException;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface OrgUnitRepository extends JpaRepository<OrgUnit, Long>, JpaSpecificationExecutor<OrgUnit> {

    Optional<OrgUnit> findByCode(String code);

    /** A unit the current user may read; outside the scope it does not exist (404). */
    default OrgUnit findReadable(String code) {
        OrgUnit unit = code == null ? null : findByCode(code.trim()).orElse(null);
        if (unit == null) {
            throw new NotFoundException("org unit " + code);
        }
        Access.requireRead(unit.getPath(), "org unit " + code);
        return unit;
    }

    List<OrgUnit> findByCodeIn(Collection<String> codes);

    List<OrgUnit> findByParentIdOrderBySortOrderAscCodeAsc(Long parentId);

    List<OrgUnit> findByParentIdIsNullOrderBySortOrderAscCodeAsc();

    List<OrgUnit> findByPathStartingWithOrderByPathAsc(String prefix);

    boolean existsByParentId(Long parentId);

    boolean existsByCode(String code);

    @Query("select u.kind, count(u) from OrgUnit u where u.path like concat(:prefix, '%') group by u.kind")
    List<Object[]> countByKindUnder(@Param("prefix") String prefix);

    @Query("select new org.dudao.org.OrgUnitRef(u.id, u.code, u.name, u.kind, u.parentId, u.path) from OrgUnit u"
            + " where u.id in :ids")
    List<OrgUnitRef> findRefs(@Param("ids") Collection<Long> ids);

    @Query("select distinct u.parentId from OrgUnit u where u.parentId in :ids")
    java.util.Set<Long> findParentsAmong(@Param("ids") Collection<Long> ids);

    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update OrgUnit u set u.parentId = :parentId where u.id = :id")
    int updateParent(@Param("id") Long id, @Param("parentId") Long parentId);

    /** Rewrites the path prefix of a moved subtree (the moved node included) in one statement. */
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query(value = """
            update org_unit set path = concat(:newPrefix, substring(path, :oldLength + 1)),
                   depth = depth + :depthDelta, version = version + 1
            where path like concat(:oldPrefix, '%')
            """, nativeQuery = true)
    int rewritePaths(
            @Param("oldPrefix") String oldPrefix,
            @Param("oldLength") int oldLength,
            @Param("newPrefix") String newPrefix,
            @Param("depthDelta") int depthDelta);
}
