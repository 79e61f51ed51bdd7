package org.dudao.engine;

import java.util.List;

/** A scheme that cannot be compiled; the app turns {@link #problems()} into a 400 problem detail. */
public class InvalidSchemeException extends RuntimeException {

    private final transient List<SchemeProblem> problems;

    public InvalidSchemeException(List<SchemeProblem> problems) {
        super("方案无效 (invalid scheme): " + problems);
        this.problems = List.copyOf(problems);
    }

    public List<SchemeProblem> problems() {
        return problems;
    }
}
