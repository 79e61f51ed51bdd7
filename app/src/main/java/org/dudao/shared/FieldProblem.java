package org.dudao.shared;

/** One bad field: its name (JSON path or form field) and a message, already localised or a message key. */
public record FieldProblem(String field, String message, Object... args) implements java.io.Serializable {}
