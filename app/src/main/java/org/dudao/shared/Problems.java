package org.dudao.shared;

import java.util.ArrayList;
import java.util.List;

/** Collects field problems while validating input, then throws them all at once. */
public final class Problems {

    /** The dates the application accepts: deadlines, extensions, reply dates. */
    public static final java.time.LocalDate EARLIEST = java.time.LocalDate.of(2000, 1, 1);

    public static final java.time.LocalDate LATEST = java.time.LocalDate.of(2100, 12, 31);

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

    /**
     * Adds "out of range" for a date outside {@link #EARLIEST}..{@link #LATEST}: deadlines and other dates of the
     * supervision work lie there, and {@code +999999999-12-31} is a typing accident (or an attack), not a date.
     * Returns whether the date was fine (or null).
     */
    public boolean saneDate(String field, java.time.LocalDate date) {
        if (date != null && (date.isBefore(EARLIEST) || date.isAfter(LATEST))) {
            add(field, "error.date-range", EARLIEST.toString(), LATEST.toString());
            return false;
        }
        return true;
    }

    /**
     * Adds "too long" or "control characters" for a name or a single-line text: forms bind text without the API's
     * checks, so names typed in the web UI are held to the same rule here. Tab and line breaks count as control
     * characters in a name.
     */
    public void name(String field, String text, int max) {
        if (text == null) {
            return;
        }
        if (text.chars().anyMatch(c -> c < 0x20 || unsafe(c))) {
            add(field, "error.control-characters");
        } else {
            maxLength(field, text.trim(), max);
        }
    }

    /** Like {@link #name} for multi-line text (comments, notes, reasons): tab and line breaks are fine. */
    public void text(String field, String text, int max) {
        if (text == null) {
            return;
        }
        if (text.chars().anyMatch(Problems::unsafe)) {
            add(field, "error.control-characters");
        } else {
            maxLength(field, text.trim(), max);
        }
    }

    /** C0/C1 controls but tab and line breaks, and the bidirectional overrides that disguise text. */
    public static boolean unsafe(int c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
                || (c >= 0x7f && c <= 0x9f)
                || (c >= 0x202a && c <= 0x202e)
                || (c >= 0x2066 && c <= 0x2069);
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
