package org.dudao.evaluation.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface GroupObserverRepository extends JpaRepository<GroupObserver, Long> {
    List<GroupObserver> findByGroupIdOrderByIdAsc(Long groupId);
}
