package org.dudao.inspection.internal;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface VisitFindingRepository extends JpaRepository<VisitFinding, Long> {

    List<VisitFinding> findByVisitIdInOrderByIdAsc(Collection<Long> visitIds);
}
