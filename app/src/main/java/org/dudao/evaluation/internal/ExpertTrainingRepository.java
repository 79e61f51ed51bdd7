package org.dudao.evaluation.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ExpertTrainingRepository extends JpaRepository<ExpertTraining, Long> {
    List<ExpertTraining> findByExpertIdOrderByHeldOnAscIdAsc(Long expertId);
}
