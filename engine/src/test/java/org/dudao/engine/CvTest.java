package org.dudao.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** SPEC §4's worked examples and the what-if allocation against brute force. */
class CvTest {

    @Test
    void workedExample() {
        // X = 10, 20, 30 per pupil; P = 100, 100, 200
        Cv cv = Cv.of(new double[] {1000, 2000, 6000}, new double[] {100, 100, 200}, 1);
        assertThat(cv.mean()).isEqualTo(22.5);
        assertThat(cv.sd()).isCloseTo(8.2916, within(1e-4));
        assertThat(cv.cv()).isCloseTo(0.3685, within(1e-4));
        assertThat(cv.shares()[0] + cv.shares()[1] + cv.shares()[2]).isCloseTo(1, within(1e-12));
        // the scale moves the figures, not the CV
        assertThat(Cv.of(new double[] {1000, 2000, 6000}, new double[] {100, 100, 200}, 100)
                        .cv())
                .isCloseTo(cv.cv(), within(1e-12));
    }

    @Test
    void splitExampleUsesTheStatisticsWeights() {
        double[] parts = StageWeights.STATISTICS.apportion(SchoolType.NINE_YEAR, new Enrolment(166, 210, 0), 23_226);
        assertThat(Math.round(parts[0])).isEqualTo(9_712);
        assertThat(Math.round(parts[1])).isEqualTo(13_514);
        double[] complete =
                StageWeights.STATISTICS.apportion(SchoolType.COMPLETE_SECONDARY, new Enrolment(0, 100, 100), 2_200);
        assertThat(complete[1]).isCloseTo(1_000, within(1e-9)); // 初中:高中 = 1 : 1.2
    }

    @Test
    void allocationLiftsTheLowestSchoolsAndLowersTheCv() {
        double[] r = {1000, 2000, 6000};
        double[] p = {100, 100, 200};
        double[] a = CvAllocation.allocate(r, p, 1000, true);
        // the 1,000 go to the school at 10 per pupil (it stays below 20)
        assertThat(a).containsExactly(1000, 0, 0);
        assertThat(CvAllocation.cvAfter(r, p, a)).isLessThan(Cv.of(r, p, 1).cv());
        double[] b = CvAllocation.allocate(r, p, 3000, false);
        // level L: (L·100 − 1000) + (L·100 − 2000) = 3000 → L = 30, all at 30 → CV 0
        assertThat(b[0]).isCloseTo(2000, within(1e-6));
        assertThat(b[1]).isCloseTo(1000, within(1e-6));
        assertThat(CvAllocation.cvAfter(r, p, b)).isCloseTo(0, within(1e-6));
    }

    @Test
    void allocationIsOptimalAgainstBruteForce() {
        Random random = new Random(7);
        for (int round = 0; round < 50; round++) {
            double[] r = {random.nextInt(500), random.nextInt(500), random.nextInt(500)};
            double[] p = {1 + random.nextInt(50), 1 + random.nextInt(50), 1 + random.nextInt(50)};
            int budget = 1 + random.nextInt(60);
            double best = Double.MAX_VALUE;
            for (int x = 0; x <= budget; x++) {
                for (int y = 0; x + y <= budget; y++) {
                    best = Math.min(best, CvAllocation.cvAfter(r, p, new double[] {x, y, budget - x - y}));
                }
            }
            double[] whole = CvAllocation.allocate(r, p, budget, true);
            assertThat(whole[0] + whole[1] + whole[2]).isEqualTo(budget);
            assertThat(CvAllocation.cvAfter(r, p, whole)).isCloseTo(best, within(1e-9));
            assertThat(CvAllocation.cvAfter(r, p, CvAllocation.allocate(r, p, budget, false)))
                    .isLessThanOrEqualTo(best + 1e-12);
        }
    }

    @Test
    void smallestBudgetReachesTheThresholdAndNoLess() {
        double[] r = {1000, 2000, 6000};
        double[] p = {100, 100, 200};
        double b = CvAllocation.smallestBudget(r, p, 0.2, true);
        assertThat(CvAllocation.cvAfter(r, p, CvAllocation.allocate(r, p, b, true)))
                .isLessThanOrEqualTo(0.2);
        assertThat(CvAllocation.cvAfter(r, p, CvAllocation.allocate(r, p, b - 1, true)))
                .isGreaterThan(0.2);
        assertThat(CvAllocation.smallestBudget(r, p, 0.5, true)).isZero();
    }
}
