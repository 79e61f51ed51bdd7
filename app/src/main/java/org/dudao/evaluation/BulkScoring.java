package org.dudao.evaluation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.dudao.audit.AuditLog;
import org.dudao.engine.CompiledScheme;
import org.dudao.engine.TotalScore;
import org.dudao.evaluation.internal.Evaluation;
import org.dudao.evaluation.internal.EvaluationRepository;
import org.dudao.evaluation.internal.EvaluationScoring;
import org.dudao.evaluation.internal.Project;
import org.dudao.evaluation.internal.ProjectScope;
import org.dudao.org.OrgUnitRef;
import org.dudao.org.OrgUnits;
import org.dudao.scheme.SchoolInputs;
import org.dudao.shared.ChangeClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Scores every open file of a project from the stored values in one run, on the engine's lean path. Built for a
 * city of 20,000 schools (bench/bulk-scoring.sh): the files are read as plain rows (no entities to dirty-check),
 * the values are streamed into one array per school, manual sheets are parsed only where a file has one, and the
 * scores go back in JDBC batches guarded by each file's row version (a file changed meanwhile → 409, nothing
 * written). Files already under 公示 or decided keep their score. One audit entry per run.
 */
@Service
public class BulkScoring {

    static final Set<EvaluationState> OPEN = EnumSet.of(
            EvaluationState.SELF_DRAFT,
            EvaluationState.SELF_SIGNED,
            EvaluationState.COUNTY_SCORING,
            EvaluationState.COUNTY_SCORED,
            EvaluationState.CITY_SCORING,
            EvaluationState.CITY_SCORED);
    private static final int BATCH = 1000;
    private static final Logger log = LoggerFactory.getLogger(BulkScoring.class);

    private final ProjectScope projects;
    private final EvaluationRepository evaluations;
    private final EvaluationScoring scoring;
    private final SchoolInputs inputs;
    private final OrgUnits orgUnits;
    private final AuditLog audit;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ChangeClock changes;

    BulkScoring(
            ProjectScope projects,
            EvaluationRepository evaluations,
            EvaluationScoring scoring,
            SchoolInputs inputs,
            OrgUnits orgUnits,
            AuditLog audit,
            JdbcTemplate jdbc,
            Clock clock,
            ChangeClock changes) {
        this.projects = projects;
        this.evaluations = evaluations;
        this.scoring = scoring;
        this.inputs = inputs;
        this.orgUnits = orgUnits;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
        this.changes = changes;
    }

    /** How a run went: files scored, time taken and files per grade. */
    public record Run(int scored, long millis, Map<String, Integer> byGrade) {}

    /** An open file as the run needs it: the manual sheet that counts now, and the row version to guard with. */
    private record OpenFile(long id, long orgUnitId, int rowVersion, String manual) {}

    /** A file's new score. */
    private record Scored(OpenFile file, double total, String grade, String vetoes) {}

    @Transactional
    public Run scoreAll(String projectCode) {
        long start = System.nanoTime();
        Project p = projects.readable(projectCode);
        ProjectScope.requireManager(p.getOwnerPath());
        CompiledScheme cs = scoring.scheme(p);
        evaluations.flush(); // the rows are read and written by JDBC below: no pending entity changes may hide
        List<OpenFile> files = openFiles(p);
        long read = System.nanoTime();
        List<Long> units = files.stream().map(OpenFile::orgUnitId).toList();
        Map<Long, OrgUnitRef> refs = orgUnits.refs(units);
        long refsRead = System.nanoTime();

        Map<Long, SchoolInputs.Lean> rows = inputs.lean(cs, units, p.period());
        long valuesRead = System.nanoTime();

        Map<String, Integer> byGrade = new TreeMap<>();
        List<Scored> scored = score(cs, files, refs, rows, byGrade);
        long engine = System.nanoTime();
        write(scored, Instant.now(clock));
        changes.bump("evaluation"); // the files' scores were written past Hibernate
        long written = System.nanoTime();
        Run run = new Run(files.size(), (written - start) / 1_000_000, byGrade);
        audit.updated(
                "EvaluationProject",
                p.getCode(),
                p.getName(),
                p.getOwnerPath(),
                null,
                Map.of("bulkScored", run.scored(), "byGrade", byGrade));
        if (log.isDebugEnabled()) {
            log.debug(
                    "scoreAll {}: {} files, read files {} ms, org refs {} ms, values {} ms, engine {} ms,"
                            + " write {} ms",
                    p.getCode(),
                    files.size(),
                    ms(start, read),
                    ms(read, refsRead),
                    ms(refsRead, valuesRead),
                    ms(valuesRead, engine),
                    ms(engine, written));
        }
        return run;
    }

    /** Scores the files on the engine's lean path, counting the files per grade into {@code byGrade}. */
    private List<Scored> score(
            CompiledScheme cs,
            List<OpenFile> files,
            Map<Long, OrgUnitRef> refs,
            Map<Long, SchoolInputs.Lean> rows,
            Map<String, Integer> byGrade) {
        List<String> manualCodes = cs.manualIndicators();
        List<Scored> scored = new ArrayList<>(files.size());
        for (OpenFile f : files) {
            SchoolInputs.Lean row = rows.get(f.orgUnitId());
            double[] manual = manualCodes.isEmpty() ? null : manual(manualCodes, f.manual());
            TotalScore t = cs.scoreTotal(
                    SchoolInputs.schoolType(refs.get(f.orgUnitId()).kind()), row.enrolment(), row.values(), manual);
            String vetoes = t.vetoes().isEmpty()
                    ? "[]"
                    : scoring.write(t.vetoes().stream()
                            .map(x -> Map.of("code", x.code(), "name", x.name(), "evidence", x.evidence()))
                            .toList());
            boolean unscored = manual != null && Arrays.stream(manual).anyMatch(Double::isNaN);
            String grade = EvaluationScoring.settledGrade(
                    t.grade(), unscored, !t.vetoes().isEmpty());
            scored.add(new Scored(f, t.total(), grade, vetoes));
            if (grade != null) {
                byGrade.merge(grade, 1, Integer::sum);
            }
        }
        return scored;
    }

    private List<OpenFile> openFiles(Project p) {
        String states = OPEN.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "));
        return jdbc.query(
                "select id, org_unit_id, row_version, state, self_manual, county_manual, city_manual"
                        + " from evaluation where project_id = ? and state in (" + states + ") order by id",
                (ResultSet rs, int i) -> openFile(rs),
                p.getId());
    }

    private static OpenFile openFile(ResultSet rs) throws SQLException {
        String manual = Evaluation.currentManual(
                EvaluationState.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7));
        return new OpenFile(rs.getLong(1), rs.getLong(2), rs.getInt(3), manual);
    }

    /** The manual scores by the scheme's manual slots; NaN where none (an empty sheet is not parsed). */
    private double[] manual(List<String> codes, String sheetText) {
        double[] manual = new double[codes.size()];
        Arrays.fill(manual, Double.NaN);
        if (sheetText == null || sheetText.isBlank()) {
            return manual;
        }
        Map<String, ManualEntry> sheet = scoring.read(sheetText);
        for (int m = 0; m < codes.size(); m++) {
            ManualEntry entry = sheet.get(codes.get(m));
            if (entry != null && entry.score() != null) manual[m] = entry.score();
        }
        return manual;
    }

    /** Writes the scores in batches; a file changed since it was read (its row version moved) aborts the run. */
    private void write(List<Scored> scored, Instant now) {
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        for (int from = 0; from < scored.size(); from += BATCH) {
            List<Scored> chunk = scored.subList(from, Math.min(scored.size(), from + BATCH));
            int[][] counts = jdbc.batchUpdate(
                    "update evaluation set total = ?, grade = ?, vetoes = ?, updated_at = ?,"
                            + " row_version = row_version + 1 where id = ? and row_version = ?",
                    chunk,
                    chunk.size(),
                    (ps, s) -> {
                        ps.setDouble(1, s.total());
                        ps.setString(2, s.grade());
                        ps.setString(3, s.vetoes());
                        ps.setObject(4, at);
                        ps.setLong(5, s.file().id());
                        ps.setInt(6, s.file().rowVersion());
                    });
            for (int[] batch : counts) {
                for (int c : batch) {
                    if (c == 0) {
                        throw new ObjectOptimisticLockingFailureException(Evaluation.class, "bulk scoring");
                    }
                }
            }
        }
    }

    private static long ms(long from, long to) {
        return (to - from) / 1_000_000;
    }
}
