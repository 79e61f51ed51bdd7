package org.dudao.evaluation;

import java.util.List;
import org.dudao.evaluation.internal.Certificate;
import org.dudao.evaluation.internal.EvaluationQueries;
import org.dudao.evaluation.internal.FileFilter;
import org.dudao.evaluation.internal.Hats;
import org.dudao.evaluation.internal.PublicEntry;
import org.dudao.evaluation.internal.PublicProject;
import org.dudao.evaluation.internal.Publicity;
import org.dudao.evaluation.internal.ScoreSheet;
import org.dudao.evaluation.internal.ScoreSheets;
import org.dudao.evaluation.internal.Transitions;
import org.dudao.evaluation.internal.Workflow;
import org.springframework.stereotype.Service;

/**
 * The use cases of one school's evaluation file, for the screens, the API and the demo data: reading
 * ({@link EvaluationQueries}), score sheets ({@link ScoreSheets}), workflow steps ({@link Transitions}), 公示 and
 * the plaque ({@link Publicity}). Scope comes from {@link org.dudao.shared.Access} (a file outside the user's
 * scope does not exist); the capacity to act from {@link Hats} and the workflow rules from {@link Workflow}.
 */
@Service
public class Evaluations {

    private final EvaluationQueries queries;
    private final ScoreSheets sheets;
    private final Transitions transitions;
    private final Publicity publicity;

    Evaluations(EvaluationQueries queries, ScoreSheets sheets, Transitions transitions, Publicity publicity) {
        this.queries = queries;
        this.sheets = sheets;
        this.transitions = transitions;
        this.publicity = publicity;
    }

    /** The files of a project that the user may read (a school sees its own). */
    public List<EvaluationView> list(String projectCode) {
        return queries.list(projectCode, FileFilter.ALL);
    }

    /** The readable files that pass the filter; ranked by total (unscored last) when asked, else in file order. */
    public List<EvaluationView> list(String projectCode, FileFilter filter) {
        return queries.list(projectCode, filter);
    }

    /** The grades of the project's scheme, the top one first. */
    public List<String> grades(String projectCode) {
        return queries.grades(projectCode);
    }

    public EvaluationDetail detail(String projectCode, String unitCode) {
        return queries.detail(projectCode, unitCode);
    }

    /** The school's self-scores of the manual indicators; returns the live score. */
    public EvaluationView selfScore(String projectCode, String unitCode, ScoreSheet sheet) {
        return sheets.selfScore(projectCode, unitCode, sheet);
    }

    /** An expert's own independent sheet at the level the file is being scored at. */
    public EvaluationDetail.Sheet expertScore(String projectCode, String unitCode, ScoreSheet sheet) {
        return sheets.expertScore(projectCode, unitCode, sheet);
    }

    /** Applies one step of the workflow; refused steps answer 409 with the reason. */
    public EvaluationView transition(String projectCode, String unitCode, TransitionRequest request) {
        return transitions.transition(projectCode, unitCode, request);
    }

    /** The project owner lets one school apply after the deadline. */
    public EvaluationView extend(String projectCode, String unitCode, String until) {
        return transitions.extend(projectCode, unitCode, until);
    }

    /** The files of a project under 公示, for the public page (no login). */
    public List<PublicEntry> publicity(String projectCode) {
        return publicity.publicity(projectCode);
    }

    /** Whether the project has a public 公示 page (some school under 公示), so screens link it only then. */
    public boolean isPublic(String projectCode) {
        return publicity.isPublic(projectCode);
    }

    /** The public project heading. */
    public PublicProject publicProject(String projectCode) {
        return publicity.publicProject(projectCode);
    }

    /** Anyone may object while the file is under 公示 (no login). */
    public ObjectionView object(String projectCode, Long evaluationId, String body, String contact) {
        return publicity.object(projectCode, evaluationId, body, contact);
    }

    /** The owner (or the approving body) answers an objection. */
    public ObjectionView answer(String projectCode, String unitCode, Long objectionId, String answer) {
        return publicity.answer(projectCode, unitCode, objectionId, answer);
    }

    /** What the certificate and result notice print. */
    public Certificate certificate(String projectCode, String unitCode) {
        return publicity.certificate(projectCode, unitCode);
    }
}
