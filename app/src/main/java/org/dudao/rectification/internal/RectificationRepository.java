package org.dudao.rectification.internal;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface RectificationRepository extends JpaRepository<Rectification, Long> {

    List<Rectification> findBySourceAndSourceRefAndOrgUnitIdOrderByIdAsc(
            String source, String sourceRef, Long orgUnitId);

    @Query("select r from Rectification r where r.unitPath like concat(?1, '%') order by r.id")
    List<Rectification> findUnder(String pathPrefix);

    /** Open items whose deadline passed before {@code today}, under a path. */
    List<Rectification> findByStatusNotAndDeadlineBeforeAndUnitPathStartingWithOrderByIdAsc(
            ItemStatus status, LocalDate today, String pathPrefix);
}
