package org.dudao.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** SPEC §8's reference figures, rounded half up to two decimals only at the end. */
class CaseRatesTest {

    @Test
    void ratesAreExactCountsRoundedAtTheEnd() {
        assertThat(CaseRates.rate(39_860, 39_903)).isEqualByComparingTo("99.89");
        assertThat(CaseRates.rate(18_536, 19_152)).isEqualByComparingTo("96.78");
        assertThat(CaseRates.rate(2, 3)).isEqualTo(new BigDecimal("66.67"));
        assertThat(CaseRates.rate(1, 8)).isEqualTo(new BigDecimal("12.50"));
        assertThat(CaseRates.rate(0, 0)).isNull();
        var r = CaseRates.Rates.of(4, 3, 2, 2, 1);
        assertThat(r.closureRate()).isEqualByComparingTo("75");
        assertThat(r.satisfactionRate()).isEqualByComparingTo("50");
    }
}
