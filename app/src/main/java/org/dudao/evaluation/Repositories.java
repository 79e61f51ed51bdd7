package org.dudao.evaluation;

import java.util.List;
import java.util.Optional;
import org.dudao.org.OrgUnitRef;
import org.dudao.shared.NotFoundException;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ProjectRepository extends JpaRepository<Project, Long> {
    Optional<Project> findByCode(String code);

    boolean existsByCode(String code);

    List<Project> findByOrgUnitIdOrderByYearAsc(Long orgUnitId);
}

interface EvaluationRepository extends JpaRepository<Evaluation, Long> {
    List<Evaluation> findByProjectIdOrderByIdAsc(Long projectId);

    Optional<Evaluation> findByProjectIdAndOrgUnitId(Long projectId, Long orgUnitId);

    /** The school's file in the project; a school outside the project has none (404). */
    default Evaluation fileOf(Project p, OrgUnitRef unit) {
        return findByProjectIdAndOrgUnitId(p.getId(), unit.id())
                .orElseThrow(() -> new NotFoundException("evaluation " + unit.code()));
    }

    @Query("select count(e) from Evaluation e where e.certificateNo like concat(?1, '%')")
    long countNumbered(String prefix);
}

interface ReviewStepRepository extends JpaRepository<ReviewStep, Long> {
    List<ReviewStep> findByEvaluationIdOrderByIdAsc(Long evaluationId);
}

interface ExpertGroupRepository extends JpaRepository<ExpertGroup, Long> {
    List<ExpertGroup> findByProjectIdOrderByIdAsc(Long projectId);
}

interface ExpertScoreRepository extends JpaRepository<ExpertScore, Long> {
    List<ExpertScore> findByEvaluationIdAndLevel(Long evaluationId, Phase level);

    Optional<ExpertScore> findByEvaluationIdAndLevelAndUsername(Long evaluationId, Phase level, String username);
}

interface ObjectionRepository extends JpaRepository<Objection, Long> {
    List<Objection> findByEvaluationIdOrderByIdAsc(Long evaluationId);
}

interface IndicatorEvidenceRepository extends JpaRepository<IndicatorEvidence, Long> {
    List<IndicatorEvidence> findByEvaluationIdOrderByIdAsc(Long evaluationId);

    Optional<IndicatorEvidence> findByEvaluationIdAndEvidenceId(Long evaluationId, Long evidenceId);
}
