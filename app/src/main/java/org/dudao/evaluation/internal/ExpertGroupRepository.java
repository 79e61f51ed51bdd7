package org.dudao.evaluation.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ExpertGroupRepository extends JpaRepository<ExpertGroup, Long> {
    List<ExpertGroup> findByProjectIdOrderByIdAsc(Long projectId);
}
