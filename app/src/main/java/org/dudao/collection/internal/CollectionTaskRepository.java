package org.dudao.collection.internal;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface CollectionTaskRepository extends JpaRepository<CollectionTask, Long> {

    List<CollectionTask> findByIdInOrderByDeadlineDescIdDesc(Collection<Long> ids);
}
