package org.dudao.evaluation.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface OnsiteSampleRepository extends JpaRepository<OnsiteSample, Long> {
    List<OnsiteSample> findByProjectIdOrderByIdAsc(Long projectId);
}
