package org.dudao.collection.internal;

import org.dudao.evidence.EvidenceTasks;
import org.springframework.stereotype.Component;

/** Evidence attached to a task belongs to the task's period; the task must be visible to the caller. */
@Component
class TaskEvidence implements EvidenceTasks {

    private final TaskViews tasks;

    TaskEvidence(TaskViews tasks) {
        this.tasks = tasks;
    }

    @Override
    public String periodOfVisible(long taskId) {
        CollectionTask task = tasks.task(taskId);
        tasks.requireVisible(task);
        return task.getPeriod();
    }
}
