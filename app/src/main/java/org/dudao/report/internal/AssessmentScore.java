package org.dudao.report.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The 目标考核 rule (SPEC §3, §6): completion = weight × min(1, passed / target), full weight when nothing was
 * planned; a fixed deduction for every rectification item not rectified on time (一次性扣除五分); the score is
 * max(0, completion − deduction), rounded half-up to two decimals. Exact decimal arithmetic, so a half cent
 * rounds up as people expect.
 */
public final class AssessmentScore {

    private static final MathContext EXACT = MathContext.DECIMAL64;

    private AssessmentScore() {}

    public static BigDecimal completion(BigDecimal weight, long passed, long target) {
        if (target <= 0 || passed >= target) {
            return weight;
        }
        return weight.multiply(BigDecimal.valueOf(passed)).divide(BigDecimal.valueOf(target), EXACT);
    }

    public static BigDecimal deduction(long lateItems, BigDecimal perItem) {
        return perItem.multiply(BigDecimal.valueOf(lateItems));
    }

    public static BigDecimal score(BigDecimal completion, BigDecimal deduction) {
        return round(completion.subtract(deduction).max(BigDecimal.ZERO));
    }

    public static BigDecimal round(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }
}
