package org.dudao.shared;

import java.time.LocalDate;
import java.util.List;

/**
 * One entry of the signed-in user's 待办 on the 工作台: what waits for them, how many, by when, and where to act.
 *
 * @param kind     what kind of work it is, a stable key (e.g. {@code todo.collection.fill}) that is also the
 *                 message key of its title
 * @param args     the title's message arguments (a task or project name)
 * @param count    how many things of this kind wait
 * @param deadline the earliest deadline among them, or null
 * @param overdue  at least one of them is past its deadline
 * @param link     the page where the user acts
 */
public record Todo(String kind, List<String> args, long count, LocalDate deadline, boolean overdue, String link) {

    public Todo {
        args = List.copyOf(args);
    }

    public String messageKey() {
        return kind;
    }
}
