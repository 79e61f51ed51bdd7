package org.dudao.inspection.internal;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface VisitRepository extends JpaRepository<Visit, Long> {

    @Query("select v from Visit v where v.schoolPath like concat(?1, '%') and v.plannedOn >= ?2 and v.plannedOn < ?3"
            + " order by v.plannedOn, v.id")
    List<Visit> findUnder(String pathPrefix, LocalDate from, LocalDate until);

    List<Visit> findByInspectorIdIn(java.util.Collection<Long> inspectorIds);

    @Query("select min(v.plannedOn) from Visit v where v.inspectorId = ?1")
    LocalDate firstPlannedOn(Long inspectorId);
}
