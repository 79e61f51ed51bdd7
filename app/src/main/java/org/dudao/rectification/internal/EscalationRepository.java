package org.dudao.rectification.internal;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface EscalationRepository extends JpaRepository<Escalation, Long> {

    List<Escalation> findByItemIdOrderByIdAsc(Long itemId);

    List<Escalation> findByItemIdInOrderByIdAsc(Collection<Long> itemIds);
}
