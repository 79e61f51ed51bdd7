package org.dudao.collection.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dudao.shared.Access;
import org.dudao.shared.Role;
import org.dudao.shared.Todo;
import org.dudao.shared.TodoSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * 待办 of data collection: the forms of the user's own units still to fill in or submit (as {@link TaskBoard#mine}
 * decides "own": a data-entry grant exactly at the unit), and the submitted forms below a reviewer's node (as
 * {@link CollectionRoles#canReview}: a reviewing role at an ancestor). Counted in the database, one entry per task.
 */
@Component
class CollectionTodos implements TodoSource {

    private static final String PER_TASK = "select t.id, t.name, t.deadline, count(*), min(u.code)"
            + " from collection_assignment a join collection_task t on t.id = a.task_id"
            + " join org_unit u on u.id = a.org_unit_id where ";
    private static final String GROUP = " group by t.id, t.name, t.deadline";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    CollectionTodos(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public List<Todo> todos() {
        List<Todo> result = new ArrayList<>(toFill());
        result.addAll(toReview());
        return result;
    }

    private List<Todo> toFill() {
        List<String> own = Access.pathsWith(Role.DATA_ENTRY).stream()
                .filter(p -> p != null)
                .toList();
        if (own.isEmpty()) {
            return List.of();
        }
        LocalDate today = LocalDate.now(clock);
        String in = String.join(",", Collections.nCopies(own.size(), "?"));
        return jdbc.query(
                PER_TASK + "a.status in ('NOT_STARTED', 'IN_PROGRESS', 'RETURNED') and u.path in (" + in + ")" + GROUP,
                (rs, i) -> {
                    long count = rs.getLong(4);
                    LocalDate deadline = rs.getObject(3, LocalDate.class);
                    String link = count == 1
                            ? "/collection/tasks/%d/units/%s".formatted(rs.getLong(1), rs.getString(5))
                            : "/collection";
                    return new Todo(
                            "todo.collection.fill",
                            List.of(rs.getString(2)),
                            count,
                            deadline,
                            today.isAfter(deadline),
                            link);
                },
                own.toArray());
    }

    private List<Todo> toReview() {
        Map<Long, Todo> byTask = new LinkedHashMap<>();
        for (String prefix : Access.outermostPathsWith(Role.DATA_REVIEW)) {
            jdbc.query(
                    PER_TASK + "a.status = 'SUBMITTED' and u.path like ? and u.path <> ?" + GROUP,
                    rs -> {
                        long task = rs.getLong(1);
                        Todo before = byTask.get(task);
                        long count = rs.getLong(4) + (before == null ? 0 : before.count());
                        byTask.put(
                                task,
                                new Todo(
                                        "todo.collection.review",
                                        List.of(rs.getString(2)),
                                        count,
                                        rs.getObject(3, LocalDate.class),
                                        false,
                                        "/collection/tasks/" + task));
                    },
                    prefix + "%",
                    prefix);
        }
        return List.copyOf(byTask.values());
    }
}
