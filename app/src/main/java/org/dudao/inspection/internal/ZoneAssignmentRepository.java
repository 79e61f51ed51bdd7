package org.dudao.inspection.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ZoneAssignmentRepository extends JpaRepository<ZoneAssignment, Long> {

    List<ZoneAssignment> findBySchoolIdAndUntilDayIsNull(Long schoolId);

    List<ZoneAssignment> findByZoneIdOrderByFromDayAscIdAsc(Long zoneId);
}
