package org.dudao.evaluation.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ReviewStepRepository extends JpaRepository<ReviewStep, Long> {
    List<ReviewStep> findByEvaluationIdOrderByIdAsc(Long evaluationId);
}
