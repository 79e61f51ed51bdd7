package org.dudao.evaluation.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SelfReportPartRepository extends JpaRepository<SelfReportPart, Long> {
    List<SelfReportPart> findByEvaluationIdOrderByIdAsc(Long evaluationId);
}
