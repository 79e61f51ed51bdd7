package org.dudao.inspection.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface SpecialCheckRepository extends JpaRepository<SpecialCheck, Long> {

    @Query("select c from SpecialCheck c where c.schoolPath like concat(?1, '%') order by c.id desc")
    List<SpecialCheck> findUnder(String pathPrefix);

    List<SpecialCheck> findByInspectionIdOrderBySchoolPathAsc(Long inspectionId);

    List<SpecialCheck> findByInspectionIdIn(List<Long> inspectionIds);

    List<SpecialCheck> findByInspectorIdIn(java.util.Collection<Long> inspectorIds);

    List<SpecialCheck> findBySchoolIdOrderByIdDesc(Long schoolId);

    Optional<SpecialCheck> findByInspectionIdAndSchoolId(Long inspectionId, Long schoolId);
}
