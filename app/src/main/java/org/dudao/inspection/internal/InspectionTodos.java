package org.dudao.inspection.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.dudao.inspection.Rechecks;
import org.dudao.inspection.Summaries;
import org.dudao.inspection.SummaryView;
import org.dudao.rectification.ItemView;
import org.dudao.shared.Access;
import org.dudao.shared.Role;
import org.dudao.shared.Todo;
import org.dudao.shared.TodoSource;
import org.springframework.stereotype.Component;

/**
 * 待办 of inspection: an inspector's findings whose items the school has answered (待复核, to 销号 or 退回) and their
 * summaries due or overdue; the office (directors) sees how many summaries of its inspectors are overdue.
 */
@Component
class InspectionTodos implements TodoSource {

    private final Rechecks rechecks;
    private final Summaries summaries;
    private final InspectorRepository inspectors;

    InspectionTodos(Rechecks rechecks, Summaries summaries, InspectorRepository inspectors) {
        this.rechecks = rechecks;
        this.summaries = summaries;
        this.inspectors = inspectors;
    }

    @Override
    public List<Todo> todos() {
        List<Todo> result = new ArrayList<>();
        boolean inspector =
                !inspectors.findByUsernameOrderByIdAsc(Access.currentUsername()).isEmpty();
        if (inspector) {
            List<ItemView> answered = rechecks.mine("REVIEW");
            if (!answered.isEmpty()) {
                LocalDate first = answered.stream()
                        .map(ItemView::deadline)
                        .filter(d -> d != null)
                        .min(Comparator.naturalOrder())
                        .orElse(null);
                result.add(new Todo(
                        "todo.inspection.recheck", List.of(), answered.size(), first, false, "/inspection/visits"));
            }
        }
        if (inspector || Access.holdsAny(Role.OFFICE)) {
            List<SummaryView> all = summaries.list(null, null, false);
            String me = Access.currentUsername();
            List<SummaryView> owed = all.stream()
                    .filter(s -> s.state().equals("DUE") || s.state().equals("OVERDUE"))
                    .toList();
            List<SummaryView> own = owed.stream().filter(s -> mine(s, me)).toList();
            add(result, "todo.inspection.summary", own);
            if (Access.holdsAny(Role.OFFICE)) {
                add(
                        result,
                        "todo.inspection.summary-overdue",
                        owed.stream()
                                .filter(SummaryView::overdue)
                                .filter(s -> !mine(s, me))
                                .toList());
            }
        }
        return result;
    }

    private boolean mine(SummaryView s, String me) {
        return inspectors
                .findById(s.inspector())
                .map(i -> me.equals(i.getUsername()))
                .orElse(false);
    }

    private static void add(List<Todo> result, String kind, List<SummaryView> list) {
        if (list.isEmpty()) return;
        LocalDate due = list.stream()
                .map(SummaryView::due)
                .min(Comparator.naturalOrder())
                .orElse(null);
        result.add(new Todo(
                kind,
                List.of(),
                list.size(),
                due,
                list.stream().anyMatch(SummaryView::overdue),
                "/inspection/summaries"));
    }
}
