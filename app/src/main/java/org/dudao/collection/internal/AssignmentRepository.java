package org.dudao.collection.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface AssignmentRepository extends JpaRepository<Assignment, Long> {

    List<Assignment> findByTaskId(Long taskId);

    Optional<Assignment> findByTaskIdAndOrgUnitId(Long taskId, Long orgUnitId);

    List<Assignment> findByOrgUnitIdIn(Collection<Long> orgUnitIds);

    @Query(
            "select a.taskId, a.status, count(a) from Assignment a where a.taskId in :taskIds group by a.taskId, a.status")
    List<Object[]> countByStatus(@Param("taskIds") Collection<Long> taskIds);
}
