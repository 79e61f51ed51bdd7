package org.dudao.evaluation.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface IndicatorEvidenceRepository extends JpaRepository<IndicatorEvidence, Long> {
    List<IndicatorEvidence> findByEvaluationIdOrderByIdAsc(Long evaluationId);

    Optional<IndicatorEvidence> findByEvaluationIdAndEvidenceId(Long evaluationId, Long evidenceId);
}
