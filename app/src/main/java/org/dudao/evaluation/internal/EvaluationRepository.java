package org.dudao.evaluation.internal;

import java.util.List;
import java.util.Optional;
import org.dudao.evaluation.EvaluationState;
import org.dudao.org.OrgUnitRef;
import org.dudao.shared.NotFoundException;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface EvaluationRepository extends JpaRepository<Evaluation, Long> {
    List<Evaluation> findByProjectIdOrderByIdAsc(Long projectId);

    /** The project's files under a path (a superset when the path holds LIKE wildcards: callers filter again). */
    @Query("select e from Evaluation e where e.projectId = ?1 and e.unitPath like concat(?2, '%') order by e.id")
    List<Evaluation> findUnder(Long projectId, String pathPrefix);

    boolean existsByProjectIdAndState(Long projectId, EvaluationState state);

    Optional<Evaluation> findByProjectIdAndOrgUnitId(Long projectId, Long orgUnitId);

    /** The school's file in the project; a school outside the project has none (404). */
    default Evaluation fileOf(Project p, OrgUnitRef unit) {
        return findByProjectIdAndOrgUnitId(p.getId(), unit.id())
                .orElseThrow(() -> new NotFoundException("evaluation " + unit.code()));
    }

    /** The unit's own files, the latest first. */
    List<Evaluation> findByOrgUnitIdOrderByIdDesc(Long orgUnitId);

    /** Files under a path per project id: [project id, count]. */
    @Query("select e.projectId, count(e) from Evaluation e where e.unitPath like concat(?1, '%') group by e.projectId")
    List<Object[]> countUnderByProject(String pathPrefix);

    @Query("select count(e) from Evaluation e where e.certificateNo like concat(?1, '%')")
    long countNumbered(String prefix);
}
