package org.dudao.collection.internal;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ReminderRepository extends JpaRepository<Reminder, Long> {

    List<Reminder> findByAssignmentIdInOrderBySentAtDesc(Collection<Long> assignmentIds);
}
