package org.dudao.collection.internal;

import java.util.List;
import org.dudao.shared.ConflictException;
import org.dudao.shared.FieldProblem;

/**
 * Values changed by someone else since the form was opened (409). Carries one problem per field, so the form
 * can show the current value next to each conflicting input instead of silently overwriting it.
 */
public class StaleValuesException extends ConflictException {

    private final transient List<FieldProblem> problems;

    public StaleValuesException(String names, List<FieldProblem> problems) {
        super("collection.error.stale-form", names);
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
