package org.dudao.evaluation.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface OnsiteCheckRepository extends JpaRepository<OnsiteCheck, Long> {
    List<OnsiteCheck> findByEvaluationIdOrderByIdAsc(Long evaluationId);
}
