package org.dudao.report.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class AssessmentScoreTest {

    private static final BigDecimal TEN = BigDecimal.TEN;
    private static final BigDecimal FIVE = BigDecimal.valueOf(5);

    private static BigDecimal score(BigDecimal weight, long passed, long target, long late) {
        return AssessmentScore.score(
                AssessmentScore.completion(weight, passed, target), AssessmentScore.deduction(late, FIVE));
    }

    @Test
    void completionIsTheWeightTimesTheShareOfTheTarget() {
        assertThat(score(TEN, 2, 4, 0)).isEqualByComparingTo("5.00");
        assertThat(score(TEN, 0, 4, 0)).isEqualByComparingTo("0.00");
        assertThat(score(new BigDecimal("12.5"), 3, 5, 0)).isEqualByComparingTo("7.50");
    }

    @Test
    void nothingPlannedEarnsTheFullWeightAndMoreThanPlannedIsCapped() {
        assertThat(score(TEN, 0, 0, 0)).isEqualByComparingTo("10.00");
        assertThat(score(TEN, 3, 0, 0)).isEqualByComparingTo("10.00");
        assertThat(score(TEN, 7, 4, 0)).isEqualByComparingTo("10.00");
    }

    @Test
    void eachItemNotRectifiedOnTimeCostsFivePointsOnceAndTheScoreStopsAtZero() {
        assertThat(score(TEN, 4, 4, 1)).isEqualByComparingTo("5.00");
        assertThat(score(TEN, 4, 4, 2)).isEqualByComparingTo("0.00");
        assertThat(score(TEN, 1, 4, 3)).isEqualByComparingTo("0.00");
        assertThat(AssessmentScore.deduction(3, FIVE)).isEqualByComparingTo("15");
    }

    @Test
    void theScoreIsRoundedHalfUpToTwoDecimals() {
        // 10 × 1/3 = 3.333…, 10 × 2/3 = 6.666…
        assertThat(score(TEN, 1, 3, 0)).isEqualTo("3.33");
        assertThat(score(TEN, 2, 3, 0)).isEqualByComparingTo("6.67");
        // exactly half a cent: 1 × 1/8 = 0.125 → 0.13 (banker's rounding would give 0.12)
        assertThat(score(BigDecimal.ONE, 1, 8, 0)).isEqualByComparingTo("0.13");
        // 20 × 2/3 − 10 = 3.333… → 3.33
        assertThat(score(BigDecimal.valueOf(20), 2, 3, 2)).isEqualByComparingTo("3.33");
    }
}
