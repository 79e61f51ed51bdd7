package org.dudao.collection;

import org.dudao.collection.internal.TaskIssuing;
import org.springframework.stereotype.Service;

/** What other features ask of data collection: issuing a task (an evaluation project collects its data). */
@Service
public class CollectionTasks {

    private final TaskIssuing issuing;

    CollectionTasks(TaskIssuing issuing) {
        this.issuing = issuing;
    }

    /** Sends the form of {@code input} to the units of a subtree; the caller must be the office at its root. */
    public TaskView create(NewTask input) {
        return issuing.create(input);
    }
}
