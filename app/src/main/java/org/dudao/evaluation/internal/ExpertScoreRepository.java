package org.dudao.evaluation.internal;

import java.util.List;
import java.util.Optional;
import org.dudao.evaluation.Phase;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ExpertScoreRepository extends JpaRepository<ExpertScore, Long> {
    List<ExpertScore> findByEvaluationIdAndLevel(Long evaluationId, Phase level);

    Optional<ExpertScore> findByEvaluationIdAndLevelAndUsername(Long evaluationId, Phase level, String username);
}
