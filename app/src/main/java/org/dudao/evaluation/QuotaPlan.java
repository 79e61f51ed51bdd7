package org.dudao.evaluation;

/** The yearly quota rule (SPEC §3): 5% of the schools, rounded up, split 小学 / 中学 in proportion. */
public final class QuotaPlan {

    private QuotaPlan() {}

    /** {小学, 中学} targets for {@code schools} schools of which {@code primaries} are 小学. */
    public static int[] split(long schools, long primaries) {
        int target = (int) Math.ceil(schools * 0.05);
        if (schools == 0) {
            return new int[] {0, 0};
        }
        int primary = (int) Math.round(target * (double) primaries / schools);
        return new int[] {primary, target - primary};
    }

    /** 目标考核 completion score: weight × min(1, passed / target); full marks when nothing was planned. */
    public static double completion(double weight, long passed, long target) {
        if (target <= 0) {
            return weight;
        }
        return weight * Math.min(1.0, (double) passed / target);
    }
}
