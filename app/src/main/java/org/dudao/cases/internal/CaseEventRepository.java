package org.dudao.cases.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface CaseEventRepository extends JpaRepository<CaseEvent, Long> {

    List<CaseEvent> findByCaseIdOrderByIdAsc(Long caseId);

    /** Per case its last step's time: {case id, instant}. */
    @Query("select e.caseId, max(e.at) from CaseEvent e where e.caseId in :ids group by e.caseId")
    List<Object[]> lastSteps(@Param("ids") Collection<Long> ids);

    default java.util.Map<Long, Instant> lastStepTimes(Collection<Long> ids) {
        java.util.Map<Long, Instant> times = new java.util.HashMap<>();
        if (ids.isEmpty()) return times;
        for (Object[] row : lastSteps(ids)) times.put((Long) row[0], (Instant) row[1]);
        return times;
    }
}
