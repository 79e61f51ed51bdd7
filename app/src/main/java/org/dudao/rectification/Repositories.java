package org.dudao.rectification;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.dudao.rectification.internal.ItemStatus;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface RectificationRepository extends JpaRepository<Rectification, Long> {

    List<Rectification> findBySourceAndSourceRefAndOrgUnitIdOrderByIdAsc(
            String source, String sourceRef, Long orgUnitId);

    @Query("select r from Rectification r where r.unitPath like concat(?1, '%') order by r.id")
    List<Rectification> findUnder(String pathPrefix);

    /** Open items whose deadline passed before {@code today}, under a path. */
    List<Rectification> findByStatusNotAndDeadlineBeforeAndUnitPathStartingWithOrderByIdAsc(
            ItemStatus status, LocalDate today, String pathPrefix);
}

interface EscalationRepository extends JpaRepository<Escalation, Long> {

    List<Escalation> findByItemIdOrderByIdAsc(Long itemId);

    List<Escalation> findByItemIdInOrderByIdAsc(Collection<Long> itemIds);
}

interface NoticeRepository extends JpaRepository<Notice, Long> {

    @Query("select count(n) from Notice n where n.number like concat(?1, '%')")
    long countNumbered(String prefix);
}
