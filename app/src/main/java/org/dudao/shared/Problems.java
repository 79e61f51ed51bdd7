package org.dudao.shared;

import java.util.ArrayList;
import java.util.List;

/** Collects field problems while validating input, then throws them all at once. */
public final class Problems {

    private final List<FieldProblem> list = new ArrayList<>();

    public Problems add(String field, String messageKey, Object... args) {
        list.add(new FieldProblem(field, messageKey, args));
        return this;
    }

    /** Adds "required" for a blank text. Returns whether the text was present. */
    public boolean required(String field, String text) {
        if (text == null || text.isBlank()) {
            add(field, "error.required");
            return false;
        }
        return true;
    }

    public void maxLength(String field, String text, int max) {
        if (text != null && text.length() > max) {
            add(field, "error.too-long", max);
        }
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    public List<FieldProblem> list() {
        return List.copyOf(list);
    }

    public void throwIfAny() {
        if (!list.isEmpty()) {
            throw new InvalidInputException(list);
        }
    }
}
