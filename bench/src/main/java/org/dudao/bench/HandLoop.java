package org.dudao.bench;

import static org.dudao.bench.BenchData.LEAVES;
import static org.dudao.bench.BenchData.POINTS;

import org.dudao.engine.Enrolment;

/**
 * The baseline: the same arithmetic as the engine (stage standards, per-pupil scaling, tolerance,
 * rounding, grade and veto) written by hand for this one scheme, with the rule of each leaf known
 * at compile time. It is what a programmer would write without an engine.
 */
final class HandLoop {

    private final BenchData d;

    HandLoop(BenchData d) {
        this.d = d;
    }

    /** Sum of the units' totals plus grade indexes, to defeat dead-code elimination in the timed rounds. */
    double run() {
        double checksum = 0;
        for (int k = 0; k < d.n; k++) {
            double total = total(k);
            checksum += total + grade(k, total);
        }
        return checksum;
    }

    /** Each school's total and grade index, to compare with the engine school by school. */
    EngineBench.Results results() {
        EngineBench.Results r = new EngineBench.Results(d.n);
        for (int k = 0; k < d.n; k++) {
            r.totals()[k] = total(k);
            r.grades()[k] = grade(k, r.totals()[k]);
        }
        return r;
    }

    /** 达标 / 基本达标 / 不达标 by total, 不达标 whenever the veto fires. */
    private int grade(int k, double total) {
        int grade = total >= 800 ? 0 : total >= 700 ? 1 : 2;
        return d.dangerRatio[k] > 3 + 1e-9 * 4 ? 2 : grade;
    }

    double total(int k) {
        Enrolment e = d.enrolment[k];
        double kP, kJ, kS, den;
        switch (d.type[k]) {
            case PRIMARY -> {
                kP = 1;
                kJ = 0;
                kS = 0;
                den = e.primary();
            }
            case JUNIOR -> {
                kP = 0;
                kJ = 1;
                kS = 0;
                den = e.junior();
            }
            case SENIOR -> {
                kP = 0;
                kJ = 0;
                kS = 1;
                den = e.senior();
            }
            case COMPLETE_SECONDARY -> {
                kP = 0;
                kJ = 1;
                kS = 0;
                den = e.junior() + e.senior();
            }
            default -> {
                kP = e.primary();
                kJ = e.junior();
                kS = e.senior();
                den = e.total();
            }
        }
        double invK = 1 / (kP + kJ + kS), scale = 1 / den;
        double[] v = d.leafValues[k], m = d.manual[k];
        double[] sP = d.sP, sJ = d.sJ, sS = d.sS;
        double total = 0;
        for (int i = 0; i < LEAVES; i++) {
            double x = v[i], s;
            switch (i % 10) {
                case 0, 1 -> {
                    double st = (kP * sP[i] + kJ * sJ[i] + kS * sS[i]) * invK;
                    s = x * scale >= st - 1e-9 * (Math.abs(st) + 1) ? POINTS : 0;
                }
                case 2, 3 -> {
                    double st = (kP * sP[i] + kJ * sJ[i] + kS * sS[i]) * invK;
                    s = x != x ? 0 : POINTS * Math.max(0, Math.min(1, x * scale / st));
                }
                case 4 -> s = x >= sP[i] - 1e-9 * (Math.abs(sP[i]) + 1) ? POINTS : 0;
                case 5 -> s = x <= sP[i] + 1e-9 * (Math.abs(sP[i]) + 1) ? POINTS : 0;
                case 6 -> s = x != x ? 0 : POINTS * Math.max(0, Math.min(1, x / sP[i]));
                case 7 -> s = x != x ? 0 : Math.max(0, POINTS - 2 * Math.max(0, x));
                case 8 -> {
                    double ms = m[i / 10];
                    s = ms >= 0 && ms <= POINTS ? ms : 0;
                }
                default -> s = x != x ? 0 : Math.min(POINTS, 1.5 * Math.max(0, x));
            }
            total += s;
        }
        return Math.floor(total * 100 + 0.5) / 100;
    }
}
