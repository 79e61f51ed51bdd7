package org.dudao.inspection.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ZoneSchoolRepository extends JpaRepository<ZoneSchool, Long> {

    List<ZoneSchool> findByZoneIdOrderBySchoolPathAsc(Long zoneId);

    List<ZoneSchool> findByInspectorId(Long inspectorId);

    @Query("select z from ZoneSchool z where z.schoolPath like concat(?1, '%') order by z.schoolPath")
    List<ZoneSchool> findUnder(String pathPrefix);
}
