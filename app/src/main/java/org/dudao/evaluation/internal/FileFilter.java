package org.dudao.evaluation.internal;

import java.util.Locale;
import org.dudao.evaluation.EvaluationState;
import org.dudao.evaluation.EvaluationStats;
import org.dudao.evaluation.Phase;
import org.dudao.shared.Problems;

/**
 * Which files of a project to list and in what order: {@code stage} a {@link Phase} name, {@code state} an
 * {@link EvaluationState} name (a stage and a status in it), {@code grade} a grade of the scheme or {@value #NONE}
 * for files without one, {@code rated} {@code true} to count only the grades experts consolidated
 * ({@link EvaluationStats#RATED}, as the dashboard does; a file before them has none), {@code under} a unit code
 * (a township and its schools), {@code q} part of a school's name or code, {@code sort} {@code "total"} for the
 * ranking (highest total first). Every field may be null.
 */
public record FileFilter(String stage, String state, String grade, String rated, String under, String q, String sort) {

    public static final FileFilter ALL = new FileFilter(null, null, null, null, null, null, null);

    /** The grade filter of the files without a grade. */
    public static final String NONE = "NONE";

    public boolean ranking() {
        return "total".equals(sort);
    }

    /** Checks the fields and answers the stage asked for (null: every stage); problems name the field. */
    public Phase validate(Problems problems) {
        if (sort != null && !sort.isBlank() && !ranking()) {
            problems.add("sort", "evaluation.error.sort");
        }
        if (rated != null && !rated.isBlank() && !"true".equals(rated) && !"false".equals(rated)) {
            problems.add("rated", "evaluation.error.rated");
        }
        state(problems);
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

    /** The state asked for (null: every state); a bad name is a problem of the field. */
    public EvaluationState state(Problems problems) {
        if (state == null || state.isBlank()) {
            return null;
        }
        try {
            return EvaluationState.valueOf(state.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add("state", "evaluation.error.state");
            return null;
        }
    }

    /** Whether a file in {@code state} with {@code fileGrade} passes the grade filter. */
    public boolean gradeMatches(EvaluationState fileState, String fileGrade) {
        String wanted = grade == null || grade.isBlank() ? null : grade.trim();
        if (wanted == null) {
            return true;
        }
        String shown = "true".equals(rated) && !EvaluationStats.RATED.contains(fileState) ? null : fileGrade;
        return NONE.equals(wanted) ? shown == null : wanted.equals(shown);
    }
}
