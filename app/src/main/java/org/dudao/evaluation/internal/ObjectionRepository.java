package org.dudao.evaluation.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ObjectionRepository extends JpaRepository<Objection, Long> {
    List<Objection> findByEvaluationIdOrderByIdAsc(Long evaluationId);
}
