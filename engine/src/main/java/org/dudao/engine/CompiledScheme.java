package org.dudao.engine;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A scheme ready to score units: immutable and thread-safe, compile once and share.
 *
 * <p>Callers fill a {@code double[]} of item values by slot ({@link #slotOf}; NaN = missing,
 * {@link #newValues()} gives one pre-filled with NaN) and, for the lean bulk path, a
 * {@code double[]} of manual scores by {@link #manualSlotOf}. The map-based
 * {@link #score(SchoolType, Enrolment, Map, Map)} is the convenient entry for the app.
 */
public final class CompiledScheme {

    private static final int THRESHOLD = 0, LINEAR = 1, DEDUCTION = 2, MANUAL = 3, BONUS = 4;
    private static final double POINTS_EPS = 1e-9;
    private static final MathContext SIGNIFICANT = new MathContext(12);

    final SchemeDef def;
    final StageWeights weights;

    // Nodes in pre-order; a parent always precedes its children.
    final String[] nodeCode, nodeName;
    final double[] nodePoints;
    final int[] nodeParent;
    final boolean[] nodeBonus;

    // Leaves, in pre-order too.
    final int leafCount;
    final int[] leafNode;
    final byte[] type, op, stages;
    final boolean[] perPupil;
    /** Item slot, or for MANUAL leaves the manual slot. */
    final int[] slot;

    final double[] points, sP, sJ, sS, per;

    final String[] items;
    private final Map<String, Integer> slotByItem;
    final String[] manualCodes;
    private final Map<String, Integer> manualByCode;

    /** Grades by min descending; the last one catches the rest. */
    final GradeDef[] grades;

    private final List<String> gradeNames;

    final VetoDef[] vetoes;
    final int[] vetoSlot, vetoCap;
    final byte[] vetoOp;
    final double[] vetoValue;

    CompiledScheme(
            SchemeDef def,
            StageWeights weights,
            SchemeCompiler.Flattener f,
            GradeDef[] grades,
            List<String> gradeNames) {
        this.def = def;
        this.weights = weights;
        int n = f.nodes.size();
        nodeCode = new String[n];
        nodeName = new String[n];
        nodePoints = new double[n];
        nodeParent = new int[n];
        nodeBonus = new boolean[n];
        for (int k = 0; k < n; k++) {
            IndicatorDef d = f.nodes.get(k);
            nodeCode[k] = d.code();
            nodeName[k] = d.name();
            nodePoints[k] = d.points();
            nodeParent[k] = f.parents.get(k);
            nodeBonus[k] = f.bonus.get(k);
        }
        items = f.slots.keySet().toArray(String[]::new);
        slotByItem = Map.copyOf(f.slots);
        manualCodes = f.manualCodes.toArray(String[]::new);
        manualByCode = new HashMap<>();
        for (int m = 0; m < manualCodes.length; m++) manualByCode.put(manualCodes[m], m);

        leafCount = f.leafNodes.size();
        leafNode = new int[leafCount];
        type = new byte[leafCount];
        op = new byte[leafCount];
        stages = new byte[leafCount];
        perPupil = new boolean[leafCount];
        slot = new int[leafCount];
        points = new double[leafCount];
        sP = new double[leafCount];
        sJ = new double[leafCount];
        sS = new double[leafCount];
        per = new double[leafCount];
        for (int i = 0; i < leafCount; i++) {
            int node = f.leafNodes.get(i);
            IndicatorDef d = f.nodes.get(node);
            RuleDef r = d.rule();
            leafNode[i] = node;
            type[i] = (byte) r.type().ordinal();
            points[i] = d.points();
            if (r.type() == RuleType.MANUAL) {
                slot[i] = manualByCode.get(d.code());
                continue;
            }
            slot[i] = slotByItem.get(r.item());
            per[i] = r.perOccurrence() == null ? 0 : r.perOccurrence();
            if (r.type() == RuleType.THRESHOLD || r.type() == RuleType.LINEAR) {
                op[i] = (byte) (r.type() == RuleType.LINEAR ? Op.GE : Op.parse(r.op())).ordinal();
                perPupil[i] = r.perPupil();
                Standard s = r.standard();
                // A missing stage is stored as 0 with its bit clear, so 0·0 never poisons the mean.
                sP[i] = s.primary() == null ? 0 : s.primary();
                sJ[i] = s.junior() == null ? 0 : s.junior();
                sS[i] = s.senior() == null ? 0 : s.senior();
                stages[i] = (byte) ((s.primary() != null ? StageContext.P : 0)
                        | (s.junior() != null ? StageContext.J : 0)
                        | (s.senior() != null ? StageContext.S : 0)
                        | (s.uniform() ? StageContext.UNIFORM : 0));
            }
        }
        this.grades = grades;
        this.gradeNames = List.copyOf(gradeNames);
        vetoes = def.vetoes().toArray(VetoDef[]::new);
        vetoSlot = new int[vetoes.length];
        vetoCap = new int[vetoes.length];
        vetoOp = new byte[vetoes.length];
        vetoValue = new double[vetoes.length];
        for (int v = 0; v < vetoes.length; v++) {
            vetoSlot[v] = slotByItem.get(vetoes[v].when().item());
            vetoOp[v] = (byte) Op.parse(vetoes[v].when().op()).ordinal();
            vetoValue[v] = vetoes[v].when().value();
            vetoCap[v] = gradeNames.indexOf(vetoes[v].capAt());
        }
    }

    public String code() {
        return def.code();
    }

    public SchemeDef definition() {
        return def;
    }

    public StageWeights weights() {
        return weights;
    }

    /** Item codes read by rules and vetoes, in slot order. */
    public List<String> items() {
        return List.of(items);
    }

    /** Slot of an item in the values array, or -1 if the scheme does not read it. */
    public int slotOf(String itemCode) {
        Integer s = slotByItem.get(itemCode);
        return s == null ? -1 : s;
    }

    /** A values array with every item missing (NaN). */
    public double[] newValues() {
        double[] v = new double[items.length];
        Arrays.fill(v, Double.NaN);
        return v;
    }

    /** Fills a values array from a map by item code; absent and null entries stay missing. */
    public double[] values(Map<String, Double> byItem) {
        double[] v = newValues();
        if (byItem != null) {
            for (int s = 0; s < items.length; s++) {
                Double x = byItem.get(items[s]);
                if (x != null) v[s] = x;
            }
        }
        return v;
    }

    /** Codes of MANUAL indicators, in manual-slot order. */
    public List<String> manualIndicators() {
        return List.of(manualCodes);
    }

    /** Slot of a MANUAL indicator in the lean path's manual array, or -1. */
    public int manualSlotOf(String indicatorCode) {
        Integer m = manualByCode.get(indicatorCode);
        return m == null ? -1 : m;
    }

    /** Grade names, highest first. */
    public List<String> grades() {
        return gradeNames;
    }

    public int leafCount() {
        return leafCount;
    }

    /** Convenient entry for the app: values and manual scores keyed by code. */
    public ScoreResult score(
            SchoolType schoolType, Enrolment enrolment, Map<String, Double> values, Map<String, ManualScore> manual) {
        return score(schoolType, enrolment, values(values), manual);
    }

    /** The full result: every node's score, flags, unscored and missing lists, fired vetoes. */
    public ScoreResult score(
            SchoolType schoolType, Enrolment enrolment, double[] values, Map<String, ManualScore> manual) {
        checkLength(values);
        StageContext c = StageContext.of(schoolType, enrolment, weights);
        List<SchemeProblem> problems = new ArrayList<>();
        List<String> unscored = new ArrayList<>();
        List<String> missingReasons = new ArrayList<>();
        double[] manualScores = manualScores(manual, unscored, missingReasons, problems);

        double[] leafScores = new double[leafCount];
        double raw = sumLeaves(c, values, manualScores, leafScores);

        int n = nodeCode.length;
        double[] nodeScore = new double[n];
        boolean[] unscoredAt = new boolean[n], missingAt = new boolean[n], noStandardAt = new boolean[n];
        boolean perPupilUnknown = false;
        for (int i = 0; i < leafCount; i++) {
            int k = leafNode[i];
            nodeScore[k] = leafScores[i];
            if (type[i] == MANUAL) {
                unscoredAt[k] = !(manualScores[slot[i]] >= 0);
            } else {
                missingAt[k] = Double.isNaN(values[slot[i]]);
                noStandardAt[k] = (type[i] == THRESHOLD || type[i] == LINEAR) && (stages[i] & c.need) != c.need;
                perPupilUnknown |= perPupil[i] && Double.isNaN(c.scale);
            }
        }
        if (perPupilUnknown) {
            problems.add(new SchemeProblem("enrolment", "相关学段在校生人数为 0，生均指标无法计算，按 0 分计"));
        }
        // Children follow parents in pre-order, so a reverse sweep rolls every subtree up.
        for (int k = n - 1; k > 0; k--) {
            int p = nodeParent[k];
            if (p >= 0) {
                nodeScore[p] += nodeScore[k];
                unscoredAt[p] |= unscoredAt[k];
                missingAt[p] |= missingAt[k];
                noStandardAt[p] |= noStandardAt[k];
            }
        }
        List<IndicatorScore> scores = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            scores.add(new IndicatorScore(
                    nodeCode[k],
                    nodeName[k],
                    nodeScore[k],
                    nodePoints[k],
                    nodeBonus[k],
                    unscoredAt[k],
                    missingAt[k],
                    noStandardAt[k]));
        }
        List<String> missingItems = new ArrayList<>();
        for (int s = 0; s < items.length; s++) {
            if (Double.isNaN(values[s])) missingItems.add(items[s]);
        }
        double total = round2(raw);
        int byScore = gradeIndex(total);
        List<FiredVeto> fired = firedVetoes(values);
        return new ScoreResult(
                total,
                gradeNames.get(capped(byScore, fired)),
                gradeNames.get(byScore),
                fired,
                List.copyOf(scores),
                List.copyOf(unscored),
                List.copyOf(missingItems),
                List.copyOf(missingReasons),
                List.copyOf(problems));
    }

    /**
     * The lean path for bulk scoring: total, grade and fired vetoes, no per-indicator objects.
     *
     * @param manual expert scores by {@link #manualSlotOf manual slot} (NaN = unscored), or null when
     *               there are none; a score outside [0, points] counts as 0, as in the full path
     */
    public TotalScore scoreTotal(SchoolType schoolType, Enrolment enrolment, double[] values, double[] manual) {
        checkLength(values);
        double total = round2(sumLeaves(StageContext.of(schoolType, enrolment, weights), values, manual, null));
        List<FiredVeto> fired = firedVetoes(values);
        return new TotalScore(total, gradeNames.get(capped(gradeIndex(total), fired)), fired);
    }

    /**
     * The hot loop: one pass over the leaf arrays. NaN (missing) fails every comparison and is
     * caught before arithmetic, so missing data scores 0 without a branch of its own in THRESHOLD.
     */
    double sumLeaves(StageContext c, double[] values, double[] manual, double[] out) {
        final int need = c.need;
        final double scale = c.scale, kP = c.kP, kJ = c.kJ, kS = c.kS, invK = c.invK;
        double total = 0;
        for (int i = 0; i < leafCount; i++) {
            double s;
            switch (type[i]) {
                case THRESHOLD: {
                    double v = values[slot[i]];
                    if (perPupil[i]) v *= scale;
                    double st = (kP * sP[i] + kJ * sJ[i] + kS * sS[i]) * invK;
                    s = (stages[i] & need) == need && Op.test(op[i], v, st) ? points[i] : 0;
                    break;
                }
                case LINEAR: {
                    double v = values[slot[i]];
                    if (perPupil[i]) v *= scale;
                    double st = (kP * sP[i] + kJ * sJ[i] + kS * sS[i]) * invK;
                    if ((stages[i] & need) != need || v != v) {
                        s = 0;
                    } else if (st <= 0) {
                        s = points[i];
                    } else {
                        s = points[i] * Math.max(0, Math.min(1, v / st));
                    }
                    break;
                }
                case DEDUCTION: {
                    double v = values[slot[i]];
                    s = v == v ? Math.max(0, points[i] - per[i] * Math.max(0, v)) : 0;
                    break;
                }
                case BONUS: {
                    double v = values[slot[i]];
                    s = v == v ? Math.min(points[i], per[i] * Math.max(0, v)) : 0;
                    break;
                }
                default: {
                    double m = manual == null ? Double.NaN : manual[slot[i]];
                    s = m >= 0 && m <= points[i] + POINTS_EPS ? Math.min(m, points[i]) : 0;
                }
            }
            if (out != null) out[i] = s;
            total += s;
        }
        return total;
    }

    /** Manual scores by slot; records unscored, invalid and reason-less scores on the way. */
    private double[] manualScores(
            Map<String, ManualScore> manual,
            List<String> unscored,
            List<String> missingReasons,
            List<SchemeProblem> problems) {
        double[] m = new double[manualCodes.length];
        Arrays.fill(m, Double.NaN);
        for (int i = 0; i < leafCount; i++) {
            if (type[i] != MANUAL) continue;
            String code = nodeCode[leafNode[i]];
            ManualScore ms = manual == null ? null : manual.get(code);
            if (ms == null) {
                unscored.add(code);
            } else if (!(ms.score() >= 0 && ms.score() <= points[i] + POINTS_EPS)) {
                unscored.add(code);
                problems.add(new SchemeProblem(
                        "manual[" + code + "].score",
                        "专家评分 " + SchemeValidator.num(ms.score()) + " 超出范围 [0, " + SchemeValidator.num(points[i])
                                + "]，该评分无效"));
            } else {
                m[slot[i]] = ms.score();
                if (ms.score() < points[i] - POINTS_EPS && !ms.hasReason()) missingReasons.add(code);
            }
        }
        return m;
    }

    /** Index of the grade a rounded total reaches; the lowest band catches the rest. */
    int gradeIndex(double total) {
        for (int g = 0; g < grades.length - 1; g++) {
            if (grades[g].reachedBy(total)) return g;
        }
        return grades.length - 1;
    }

    /** The lower of the computed grade and every fired veto's cap; a cap never raises a grade. */
    int capped(int byScore, List<FiredVeto> fired) {
        int g = byScore;
        for (FiredVeto f : fired) {
            g = Math.max(g, gradeNames.indexOf(f.capAt()));
        }
        return g;
    }

    List<FiredVeto> firedVetoes(double[] values) {
        List<FiredVeto> fired = null;
        for (int v = 0; v < vetoes.length; v++) {
            double x = values[vetoSlot[v]];
            if (Op.test(vetoOp[v], x, vetoValue[v])) {
                if (fired == null) fired = new ArrayList<>(2);
                VetoDef d = vetoes[v];
                fired.add(new FiredVeto(
                        d.code(),
                        d.name(),
                        d.when().item(),
                        d.when().op(),
                        d.when().value(),
                        x,
                        d.capAt()));
            }
        }
        return fired == null ? List.of() : List.copyOf(fired);
    }

    private void checkLength(double[] values) {
        if (values.length != items.length) {
            throw new IllegalArgumentException(
                    "values has " + values.length + " slots, the scheme reads " + items.length + " items");
        }
    }

    /**
     * Half-up to 2 decimals. Sums of decimals carry binary noise (899.995 is stored as
     * 899.99499999…), so near a tie the value is first rounded to 12 significant digits, which
     * recovers the decimal the user meant; elsewhere plain double arithmetic is exact enough.
     */
    public static double round2(double x) {
        double y = x * 100;
        double frac = y - Math.floor(y);
        if (Math.abs(frac - 0.5) > 1e-6 && Math.abs(y) < 1e12) {
            return Math.floor(y + 0.5) / 100;
        }
        if (Double.isNaN(x) || Double.isInfinite(x)) return x;
        return new BigDecimal(x)
                .round(SIGNIFICANT)
                .setScale(2, RoundingMode.HALF_UP)
                .doubleValue();
    }
}
