package org.dudao.shared.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.ArrayList;
import java.util.List;
import org.dudao.shared.FieldProblem;

/** Says which field of an unreadable JSON body is at fault, and how, so the 400 can name it. */
final class BodyProblems {

    private BodyProblems() {}

    static FieldProblem of(Exception e) {
        List<Throwable> causes = new ArrayList<>();
        for (Throwable t = e.getCause(); t != null && !causes.contains(t); t = t.getCause()) {
            causes.add(t);
        }
        for (Throwable t : causes) {
            if (t instanceof StreamConstraintsException) { // nesting, number or text beyond Jackson's limits
                return new FieldProblem("body", "error.too-complex");
            }
        }
        for (Throwable t : causes) {
            if (t instanceof SafeText.UnsafeTextException u) {
                return new FieldProblem(path(u), "error.control-characters");
            }
            if (t instanceof SafeText.TooLongTextException l) {
                return new FieldProblem(path(l), "error.too-long", SafeText.MAX_LENGTH);
            }
            if (t instanceof JsonParseException p && p.getOriginalMessage().startsWith("Duplicate field")) {
                return new FieldProblem(pointer(p), "error.duplicate-field");
            }
            if (t instanceof MismatchedInputException m) {
                return new FieldProblem(path(m), "error.type-mismatch");
            }
            if (t instanceof JsonMappingException m && !m.getPath().isEmpty()) {
                return new FieldProblem(path(m), "error.unreadable");
            }
        }
        return new FieldProblem("body", "error.unreadable");
    }

    /** Jackson's reference path as the API names fields: {@code grants[0].role}. */
    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
                .orElse("body");
    }

    /** Where the parser stood when it failed (the duplicate key itself), in the same notation. */
    private static String pointer(JsonParseException e) {
        JsonParser parser = e.getProcessor();
        if (parser == null) {
            return "body";
        }
        StringBuilder field = new StringBuilder();
        for (JsonPointer p = parser.getParsingContext().pathAsPointer(); !p.matches(); p = p.tail()) {
            if (p.getMatchingIndex() >= 0 && !field.isEmpty()) {
                field.append('[').append(p.getMatchingIndex()).append(']');
            } else {
                field.append(field.isEmpty() ? "" : ".").append(p.getMatchingProperty());
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }
}
