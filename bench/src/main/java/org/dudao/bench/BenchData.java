package org.dudao.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.dudao.engine.Condition;
import org.dudao.engine.Enrolment;
import org.dudao.engine.GradeDef;
import org.dudao.engine.IndicatorDef;
import org.dudao.engine.RuleDef;
import org.dudao.engine.SchemeDef;
import org.dudao.engine.SchoolType;
import org.dudao.engine.Standard;
import org.dudao.engine.VetoDef;

/**
 * The benchmark's scheme and schools, generated with a fixed seed: 20 parents × 10 leaves. Leaf
 * kind is its index mod 10, so the hand-written loop can mirror the same arithmetic.
 */
final class BenchData {

    static final int PARENTS = 20, PER_PARENT = 10, LEAVES = PARENTS * PER_PARENT;
    static final double POINTS = 5;
    static final SchoolType[] TYPES = {
        SchoolType.PRIMARY,
        SchoolType.JUNIOR,
        SchoolType.NINE_YEAR,
        SchoolType.COMPLETE_SECONDARY,
        SchoolType.SENIOR,
        SchoolType.TWELVE_YEAR
    };

    /** Kinds by leaf index mod 10. */
    static final int PP_THRESHOLD = 0,
            PP_THRESHOLD2 = 1,
            PP_LINEAR = 2,
            PP_LINEAR2 = 3,
            RATE_GE = 4,
            RATE_LE = 5,
            RATE_LINEAR = 6,
            DEDUCTION = 7,
            MANUAL = 8,
            BONUS = 9;

    /** Per leaf: stage standards (per-pupil kinds differ by stage, rates are uniform). */
    final double[] sP = new double[LEAVES], sJ = new double[LEAVES], sS = new double[LEAVES];

    final SchemeDef scheme;

    // Schools.
    final int n;
    final SchoolType[] type;
    final Enrolment[] enrolment;
    /** Item values by leaf index (the engine's slots are mapped to these by item code). */
    final double[][] leafValues;

    final double[] dangerRatio;
    final double[][] manual;

    BenchData(int schools, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<IndicatorDef> parents = new ArrayList<>();
        for (int p = 0; p < PARENTS; p++) {
            List<IndicatorDef> leaves = new ArrayList<>();
            for (int c = 0; c < PER_PARENT; c++) {
                int i = p * PER_PARENT + c;
                leaves.add(leaf(i, rnd));
            }
            parents.add(new IndicatorDef("P" + p, "一级指标" + p, POINTS * (PER_PARENT - 1), false, null, leaves));
        }
        List<GradeDef> grades =
                List.of(GradeDef.atLeast("达标", 800), GradeDef.atLeast("基本达标", 700), GradeDef.atLeast("不达标", 0));
        List<VetoDef> vetoes = List.of(new VetoDef("V1", "D级危房占比超标", new Condition("danger_ratio", ">", 3), "不达标"));
        scheme = new SchemeDef("BENCH", "基准方案", PARENTS * POINTS * (PER_PARENT - 1), grades, parents, vetoes);

        n = schools;
        type = new SchoolType[n];
        enrolment = new Enrolment[n];
        leafValues = new double[n][LEAVES];
        dangerRatio = new double[n];
        manual = new double[n][PARENTS];
        for (int k = 0; k < n; k++) {
            SchoolType t = TYPES[rnd.nextInt(TYPES.length)];
            type[k] = t;
            int p = 0, j = 0, s = 0;
            switch (t) {
                case PRIMARY -> p = 100 + rnd.nextInt(1500);
                case JUNIOR -> j = 100 + rnd.nextInt(1500);
                case SENIOR -> s = 100 + rnd.nextInt(2000);
                case NINE_YEAR -> {
                    p = 100 + rnd.nextInt(900);
                    j = 50 + rnd.nextInt(600);
                }
                case COMPLETE_SECONDARY -> {
                    j = 100 + rnd.nextInt(1200);
                    s = 100 + rnd.nextInt(1200);
                }
                default -> {
                    p = 100 + rnd.nextInt(600);
                    j = 100 + rnd.nextInt(500);
                    s = 100 + rnd.nextInt(500);
                }
            }
            enrolment[k] = new Enrolment(p, j, s);
            int pupils = p + j + s;
            for (int i = 0; i < LEAVES; i++) {
                double v = switch (i % 10) {
                    case PP_THRESHOLD, PP_THRESHOLD2, PP_LINEAR, PP_LINEAR2 ->
                        sJ[i] * pupils * (0.7 + 0.6 * rnd.nextDouble());
                    case RATE_GE, RATE_LE, RATE_LINEAR -> sP[i] * (0.8 + 0.4 * rnd.nextDouble());
                    case DEDUCTION, BONUS -> rnd.nextInt(4);
                    default -> Double.NaN;
                };
                // A few missing values, as in real collections.
                leafValues[k][i] = rnd.nextInt(100) == 0 ? Double.NaN : v;
            }
            dangerRatio[k] = rnd.nextDouble() * 3.3;
            for (int m = 0; m < PARENTS; m++) manual[k][m] = rnd.nextInt(50) == 0 ? Double.NaN : rnd.nextInt(6);
        }
    }

    private IndicatorDef leaf(int i, SplittableRandom rnd) {
        String code = "L" + i, item = "item" + i, name = "指标" + i;
        double base = 1 + rnd.nextInt(50);
        int kind = i % 10;
        boolean perPupil = kind <= PP_LINEAR2;
        if (perPupil) {
            sP[i] = base;
            sJ[i] = base * 1.4;
            sS[i] = base * 1.8;
        } else {
            sP[i] = sJ[i] = sS[i] = base;
        }
        Standard st = perPupil ? Standard.perStage(sP[i], sJ[i], sS[i]) : Standard.of(base);
        return switch (kind) {
            case PP_THRESHOLD, PP_THRESHOLD2 ->
                IndicatorDef.leaf(code, name, POINTS, RuleDef.threshold(item, ">=", st, true));
            case PP_LINEAR, PP_LINEAR2 -> IndicatorDef.leaf(code, name, POINTS, RuleDef.linear(item, st, true));
            case RATE_GE -> IndicatorDef.leaf(code, name, POINTS, RuleDef.threshold(item, ">=", st, false));
            case RATE_LE -> IndicatorDef.leaf(code, name, POINTS, RuleDef.threshold(item, "<=", st, false));
            case RATE_LINEAR -> IndicatorDef.leaf(code, name, POINTS, RuleDef.linear(item, st, false));
            case DEDUCTION -> IndicatorDef.leaf(code, name, POINTS, RuleDef.deduction(item, 2));
            case MANUAL -> IndicatorDef.leaf(code, name, POINTS, RuleDef.manual());
            default -> IndicatorDef.bonusLeaf(code, name, POINTS, RuleDef.bonus(item, 1.5));
        };
    }
}
