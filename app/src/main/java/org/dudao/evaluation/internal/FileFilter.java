package org.dudao.evaluation.internal;

import java.util.Locale;
import org.dudao.evaluation.Phase;
import org.dudao.shared.Problems;

/**
 * Which files of a project to list and in what order: {@code stage} a {@link Phase} name, {@code grade} a grade
 * of the scheme, {@code under} a unit code (a township and its schools), {@code q} part of a school's name or
 * code, {@code sort} {@code "total"} for the ranking (highest total first). Every field may be null.
 */
public record FileFilter(String stage, String grade, String under, String q, String sort) {

    public static final FileFilter ALL = new FileFilter(null, null, null, null, null);

    public boolean ranking() {
        return "total".equals(sort);
    }

    /** Checks the fields and answers the stage asked for (null: every stage); problems name the field. */
    public Phase validate(Problems problems) {
        if (sort != null && !sort.isBlank() && !ranking()) {
            problems.add("sort", "evaluation.error.sort");
        }
        if (stage == null || stage.isBlank()) {
            return null;
        }
        try {
            return Phase.valueOf(stage.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add("stage", "evaluation.error.stage");
            return null;
        }
    }
}
