package org.dudao.evaluation.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ExpertDrawRepository extends JpaRepository<ExpertDraw, Long> {
    List<ExpertDraw> findByGroupIdOrderByIdAsc(Long groupId);
}
