package org.dudao.bench;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.dudao.engine.CompiledScheme;
import org.dudao.engine.ManualScore;
import org.dudao.engine.SchemeCompiler;
import org.dudao.engine.TotalScore;

/**
 * Scores 20,000 generated schools against a 200-leaf scheme with the engine's lean bulk path and
 * with {@link HandLoop}, on one thread, and prints leaf evaluations per second for both and the
 * ratio. Usage: {@code EngineBench [schools] [rounds]}.
 */
public final class EngineBench {

    private EngineBench() {}

    public static void main(String[] args) {
        int schools = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        BenchData d = new BenchData(schools, 20_251_125L);

        long t0 = System.nanoTime();
        CompiledScheme scheme = SchemeCompiler.compile(d.scheme);
        long compileMicros = (System.nanoTime() - t0) / 1_000;
        double[][] values = engineValues(scheme, d);
        double[][] manual = engineManual(scheme, d);
        HandLoop hand = new HandLoop(d);

        // The two paths must agree on every school before their speed means anything.
        Results engine = engineResults(scheme, d, values, manual);
        String differences = engine.differences(hand.results());
        if (!differences.isEmpty()) {
            throw new IllegalStateException("engine and hand-written loop disagree: " + differences);
        }
        double engineSum = engineRound(scheme, d, values, manual), handSum = hand.run();

        int warmup = 5;
        double[] engineRate = new double[rounds], handRate = new double[rounds];
        long leafEvals = (long) d.n * scheme.leafCount();
        for (int r = -warmup; r < rounds; r++) {
            long a = System.nanoTime();
            engineRound(scheme, d, values, manual);
            long b = System.nanoTime();
            hand.run();
            long c = System.nanoTime();
            if (r >= 0) {
                engineRate[r] = leafEvals / ((b - a) / 1e9);
                handRate[r] = leafEvals / ((c - b) / 1e9);
            }
        }
        double engineMedian = median(engineRate), handMedian = median(handRate);

        double fullUnitsPerSecond = fullPath(scheme, d, values);

        System.out.printf(
                "scheme: %d leaves under %d parents, %d items; compiled in %d µs%n",
                scheme.leafCount(), BenchData.PARENTS, scheme.items().size(), compileMicros);
        System.out.printf(
                "schools: %,d of mixed types; %d warm-up + %d measured rounds, one thread; %s, %d cpus%n",
                d.n,
                warmup,
                rounds,
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        System.out.printf(
                "engine scoreTotal : %,8.1f M leaf evals/s (median; best %,.1f)%n",
                engineMedian / 1e6, max(engineRate) / 1e6);
        System.out.printf(
                "hand-written loop : %,8.1f M leaf evals/s (median; best %,.1f)%n",
                handMedian / 1e6, max(handRate) / 1e6);
        System.out.printf("ratio hand/engine : %8.2f x%n", handMedian / engineMedian);
        System.out.printf(
                "engine full score : %,8.0f units/s (%,.1f M leaf evals/s, per-indicator result objects)%n",
                fullUnitsPerSecond, fullUnitsPerSecond * scheme.leafCount() / 1e6);
        System.out.printf(
                "every school agrees (total to the cent, grade); checksum engine %.2f, hand %.2f%n",
                engineSum, handSum);
    }

    /** Each school's total and grade index. */
    record Results(double[] totals, int[] grades) {

        /** Totals agree to the cent (both round to 0.01; summing in another order may tip the last digit). */
        static final double TOLERANCE = 0.01 + 1e-9;

        Results(int n) {
            this(new double[n], new int[n]);
        }

        /** The schools whose total or grade differ from {@code other}'s, counted, with the first few; empty if none. */
        String differences(Results other) {
            StringBuilder first = new StringBuilder();
            int count = 0;
            for (int k = 0; k < totals.length; k++) {
                if (Math.abs(totals[k] - other.totals[k]) > TOLERANCE || grades[k] != other.grades[k]) {
                    if (++count <= 5) {
                        first.append(String.format(
                                "%n  school %d: total %.2f vs %.2f, grade %d vs %d",
                                k, totals[k], other.totals[k], grades[k], other.grades[k]));
                    }
                }
            }
            return count == 0 ? "" : count + " of " + totals.length + " schools differ" + first;
        }
    }

    static Results engineResults(CompiledScheme scheme, BenchData d, double[][] values, double[][] manual) {
        Results r = new Results(d.n);
        for (int k = 0; k < d.n; k++) {
            TotalScore s = scheme.scoreTotal(d.type[k], d.enrolment[k], values[k], manual[k]);
            r.totals()[k] = s.total();
            r.grades()[k] = scheme.grades().indexOf(s.grade());
        }
        return r;
    }

    static double engineRound(CompiledScheme scheme, BenchData d, double[][] values, double[][] manual) {
        double checksum = 0;
        for (int k = 0; k < d.n; k++) {
            TotalScore s = scheme.scoreTotal(d.type[k], d.enrolment[k], values[k], manual[k]);
            checksum += s.total() + scheme.grades().indexOf(s.grade());
        }
        return checksum;
    }

    /** Units per second of the full result path (per-indicator objects), on a slice of the schools. */
    private static double fullPath(CompiledScheme scheme, BenchData d, double[][] values) {
        int n = Math.min(d.n, 4_000);
        Map<String, ManualScore>[] manual = manualMaps(scheme, d, n);
        double best = 0;
        for (int r = 0; r < 5; r++) {
            long a = System.nanoTime();
            double sink = 0;
            for (int k = 0; k < n; k++) {
                sink += scheme.score(d.type[k], d.enrolment[k], values[k], manual[k])
                        .total();
            }
            long b = System.nanoTime();
            if (sink < 0) System.out.print("");
            best = Math.max(best, n / ((b - a) / 1e9));
        }
        return best;
    }

    /** The generator's values by leaf, laid out in the engine's slots by item code. */
    static double[][] engineValues(CompiledScheme scheme, BenchData d) {
        double[][] v = new double[d.n][];
        int danger = scheme.slotOf("danger_ratio");
        int[] slotOfLeaf = new int[BenchData.LEAVES];
        for (int i = 0; i < BenchData.LEAVES; i++) slotOfLeaf[i] = scheme.slotOf("item" + i);
        for (int k = 0; k < d.n; k++) {
            v[k] = scheme.newValues();
            for (int i = 0; i < BenchData.LEAVES; i++) {
                if (slotOfLeaf[i] >= 0) v[k][slotOfLeaf[i]] = d.leafValues[k][i];
            }
            v[k][danger] = d.dangerRatio[k];
        }
        return v;
    }

    static double[][] engineManual(CompiledScheme scheme, BenchData d) {
        double[][] m = new double[d.n][scheme.manualIndicators().size()];
        for (int k = 0; k < d.n; k++) {
            for (int p = 0; p < BenchData.PARENTS; p++) {
                m[k][scheme.manualSlotOf("L" + (p * BenchData.PER_PARENT + BenchData.MANUAL))] = d.manual[k][p];
            }
        }
        return m;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ManualScore>[] manualMaps(CompiledScheme scheme, BenchData d, int n) {
        Map<String, ManualScore>[] maps = new Map[n];
        for (int k = 0; k < n; k++) {
            maps[k] = new HashMap<>();
            for (int p = 0; p < BenchData.PARENTS; p++) {
                double s = d.manual[k][p];
                if (!Double.isNaN(s))
                    maps[k].put("L" + (p * BenchData.PER_PARENT + BenchData.MANUAL), ManualScore.of(s, "评分"));
            }
        }
        return maps;
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static double max(double[] xs) {
        return Arrays.stream(xs).max().orElse(0);
    }
}
