package org.dudao.inspection.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SpecialInspectionItemRepository extends JpaRepository<SpecialInspectionItem, Long> {

    List<SpecialInspectionItem> findByInspectionIdOrderByPositionAsc(Long inspectionId);
}
