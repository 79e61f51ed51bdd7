package org.dudao.rectification.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import org.dudao.shared.Access;
import org.dudao.shared.Role;
import org.dudao.shared.Todo;
import org.dudao.shared.TodoSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * 待办 of rectification: the unit itself (its clerk or head, as {@code Rectifications} lets them act) files plans
 * (due by the notice's reply date) and reports progress, overdue items first; a 督导室 director reviews reported
 * items in the subtree and sees how many of the subtree's items are overdue. Counted in the database.
 */
@Component
class RectificationTodos implements TodoSource {

    private static final String ITEMS = "select count(*), %s, min(r.id), max(r.id) from rectification r"
            + " left join rectification_notice n on n.id = r.notice_id where ";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    RectificationTodos(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public List<Todo> todos() {
        LocalDate today = LocalDate.now(clock);
        List<Todo> result = new ArrayList<>();
        List<String> own = Access.pathsWith(EnumSet.of(Role.CLERK, Role.HEAD)).stream()
                .filter(p -> p != null)
                .toList();
        if (!own.isEmpty()) {
            String in = "r.unit_path in (" + String.join(",", Collections.nCopies(own.size(), "?")) + ")";
            List<Object> args = new ArrayList<>(own);
            args.add(0, today);
            add(
                    result,
                    "todo.rectification.overdue",
                    "min(r.deadline)",
                    "r.status = 'IN_PROGRESS' and r.deadline < ? and " + in,
                    today,
                    args);
            add(
                    result,
                    "todo.rectification.progress",
                    "min(r.deadline)",
                    "r.status = 'IN_PROGRESS' and (r.deadline is null or r.deadline >= ?) and " + in,
                    today,
                    args);
            add(result, "todo.rectification.plan", "min(n.reply_by)", "r.status = 'PLANNING' and " + in, today, own);
        }
        for (String prefix : Access.outermostPathsWith(EnumSet.of(Role.DIRECTOR))) {
            add(
                    result,
                    "todo.rectification.review",
                    "min(r.deadline)",
                    "r.status = 'REVIEW' and r.unit_path like ?",
                    today,
                    List.of(prefix + "%"));
            add(
                    result,
                    "todo.rectification.county-overdue",
                    "min(r.deadline)",
                    "r.status <> 'CLOSED' and r.deadline < ? and r.unit_path like ?",
                    today,
                    List.of(today, prefix + "%"));
        }
        return result;
    }

    private void add(List<Todo> result, String kind, String deadline, String where, LocalDate today, List<?> args) {
        jdbc.query(
                ITEMS.formatted(deadline) + where,
                rs -> {
                    long count = rs.getLong(1);
                    if (count == 0) {
                        return;
                    }
                    LocalDate due = rs.getObject(2, LocalDate.class);
                    long first = rs.getLong(3);
                    result.add(new Todo(
                            kind,
                            List.of(),
                            count,
                            due,
                            due != null && today.isAfter(due),
                            first == rs.getLong(4) ? "/rectification/" + first : "/rectification"));
                },
                args.toArray());
    }
}
