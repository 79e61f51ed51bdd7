package org.dudao.evaluation.internal;

import java.util.List;
import java.util.Map;
import org.dudao.evaluation.EvaluationStats;
import org.dudao.evaluation.QuotaPlan;
import org.dudao.org.OrgKind;
import org.dudao.org.OrgUnitRef;
import org.dudao.org.OrgUnits;
import org.dudao.shared.Access;
import org.dudao.shared.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the project creation screen proposes: the owner to start from, its candidate schools and quota. */
@Service
public class ProjectDrafts {

    private final OrgUnits orgUnits;

    ProjectDrafts(OrgUnits orgUnits) {
        this.orgUnits = orgUnits;
    }

    /** What the creation screen proposes for an owner: its candidate schools and the default quota (5% rule). */
    @Transactional(readOnly = true)
    public Draft draft(String orgUnit) {
        OrgUnitRef owner = orgUnits.readable(orgUnit);
        Access.requireRole(owner.path(), Role.OFFICE, "org unit " + owner.code());
        List<OrgUnitRef> candidates = orgUnits.subtree(owner.code()).stream()
                .filter(u -> EvaluationStats.CANDIDATES.contains(u.kind()))
                .toList();
        Map<Long, OrgUnitRef> parents =
                orgUnits.refs(candidates.stream().map(OrgUnitRef::parentId).toList());
        long primaries =
                candidates.stream().filter(u -> u.kind() == OrgKind.PRIMARY).count();
        int[] quota = QuotaPlan.split(candidates.size(), primaries);
        return new Draft(
                owner.code(),
                owner.name(),
                candidates.stream()
                        .map(u -> new Draft.School(
                                u.code(),
                                u.name(),
                                u.kind().label(),
                                parents.containsKey(u.parentId())
                                        ? parents.get(u.parentId()).name()
                                        : ""))
                        .toList(),
                primaries,
                quota[0] + quota[1],
                quota[0],
                quota[1]);
    }

    /** The owner's candidate schools and the quota the 5% rule gives: target = ⌈5% × schools⌉ split by 小学. */
    public record Draft(
            String orgUnit,
            String orgUnitName,
            List<School> schools,
            long primaries,
            int target,
            int primary,
            int secondary) {

        public record School(String code, String name, String kind, String parent) {}
    }

    /** The county or city the current user manages projects at (for the creation form), or null. */
    @Transactional(readOnly = true)
    public String defaultOwner() {
        List<Long> ids = Access.grants().stream()
                .filter(g -> Role.OFFICE.contains(g.role()) && g.orgUnitId() != null)
                .map(g -> g.orgUnitId())
                .toList();
        return orgUnits.refs(ids).values().stream()
                .filter(u ->
                        u.kind().level() == OrgKind.Level.COUNTY || u.kind().level() == OrgKind.Level.CITY)
                .map(OrgUnitRef::code)
                .sorted()
                .findFirst()
                .orElse(null);
    }
}
