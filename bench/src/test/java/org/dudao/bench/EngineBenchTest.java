package org.dudao.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.dudao.engine.CompiledScheme;
import org.dudao.engine.SchemeCompiler;
import org.junit.jupiter.api.Test;

/** The benchmark's agreement check: the engine and the hand-written loop are compared school by school. */
class EngineBenchTest {

    @Test
    void theEngineAndTheHandWrittenLoopAgreeOnEverySchool() {
        BenchData d = new BenchData(2_000, 20_251_125L);
        CompiledScheme scheme = SchemeCompiler.compile(d.scheme);
        EngineBench.Results engine = EngineBench.engineResults(
                scheme, d, EngineBench.engineValues(scheme, d), EngineBench.engineManual(scheme, d));

        assertThat(engine.differences(new HandLoop(d).results())).isEmpty();
    }

    @Test
    void errorsThatCancelOutInTheSumAreStillFound() {
        EngineBench.Results hand = new EngineBench.Results(new double[] {812.5, 640.25, 755.0}, new int[] {0, 2, 1});
        EngineBench.Results engine = new EngineBench.Results(new double[] {812.0, 640.75, 755.0}, new int[] {0, 2, 1});

        assertThat(engine.differences(hand))
                .startsWith("2 of 3 schools differ")
                .contains("school 0: total 812.00 vs 812.50")
                .contains("school 1: total 640.75 vs 640.25");
    }

    @Test
    void aGradeThatDiffersIsFoundAndACentOfRoundingIsNot() {
        EngineBench.Results hand = new EngineBench.Results(new double[] {800.0, 700.01}, new int[] {0, 1});

        assertThat(new EngineBench.Results(new double[] {800.0, 700.0}, new int[] {1, 1}).differences(hand))
                .startsWith("1 of 2 schools differ")
                .contains("school 0: total 800.00 vs 800.00, grade 1 vs 0");
        assertThat(new EngineBench.Results(new double[] {800.0, 700.0}, new int[] {0, 1}).differences(hand))
                .isEmpty();
    }
}
