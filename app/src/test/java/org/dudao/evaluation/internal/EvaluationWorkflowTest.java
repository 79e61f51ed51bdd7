package org.dudao.evaluation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.dudao.evaluation.EvaluationState;
import org.dudao.evaluation.Phase;
import org.dudao.evaluation.QuotaPlan;
import org.dudao.shared.Grant;
import org.dudao.shared.Role;
import org.junit.jupiter.api.Test;

/** The workflow rules on their own: no step can be skipped and none done in the wrong capacity. */
class EvaluationWorkflowTest {

    static final Workflow.Facts PRIMARY = new Workflow.Facts(true, false, true, true, true, true, 0);
    static final Workflow.Facts JUNIOR = new Workflow.Facts(true, true, true, true, true, true, 0);
    static final Set<Hat> ALL = EnumSet.allOf(Hat.class);

    @Test
    void aPrimarySchoolWalksEveryStepInOrder() {
        EvaluationState s = EvaluationState.SELF_DRAFT;
        s = step(s, Action.SUBMIT, Hat.SCHOOL_HEAD, PRIMARY);
        assertThat(s).isEqualTo(EvaluationState.SELF_SIGNED);
        s = step(s, Action.SUBMIT, Hat.TOWNSHIP, PRIMARY);
        assertThat(s).isEqualTo(EvaluationState.COUNTY_SCORING);
        s = step(s, Action.SCORE, Hat.COUNTY_LEADER, PRIMARY);
        assertThat(s).isEqualTo(EvaluationState.COUNTY_SCORED);
        s = step(s, Action.APPROVE, Hat.COUNTY_OWNER, PRIMARY);
        assertThat(s).isEqualTo(EvaluationState.CITY_SCORING);
        s = step(s, Action.SCORE, Hat.CITY_LEADER, PRIMARY);
        assertThat(s).isEqualTo(EvaluationState.CITY_SCORED);
        s = step(s, Action.APPROVE, Hat.CITY_OWNER, PRIMARY);
        assertThat(s).isEqualTo(EvaluationState.PUBLICITY);
        s = step(s, Action.APPROVE, Hat.COUNTY_BODY, PRIMARY);
        assertThat(s).isEqualTo(EvaluationState.APPROVED);
        s = step(s, Action.CERTIFY, Hat.COUNTY_BODY, PRIMARY);
        assertThat(s).isEqualTo(EvaluationState.CERTIFIED);
    }

    @Test
    void aCountySchoolIsSubmittedByItsHeadStraightToTheCounty() {
        Workflow.Facts countySchool = new Workflow.Facts(false, false, true, true, true, true, 0);
        assertThat(step(EvaluationState.SELF_DRAFT, Action.SUBMIT, Hat.SCHOOL_HEAD, countySchool))
                .isEqualTo(EvaluationState.COUNTY_SCORING);
    }

    @Test
    void noActionIsAllowedOutsideItsOwnState() {
        for (EvaluationState s : EvaluationState.values()) {
            for (Action a : Action.values()) {
                boolean allowed;
                try {
                    Workflow.next(s, a, ALL, PRIMARY, "reason");
                    allowed = true;
                } catch (TransitionRefused e) {
                    allowed = false;
                }
                assertThat(allowed).as(s + " " + a).isEqualTo(expected(s, a));
            }
        }
    }

    private static boolean expected(EvaluationState s, Action a) {
        return switch (a) {
            case SUBMIT -> s == EvaluationState.SELF_DRAFT || s == EvaluationState.SELF_SIGNED;
            case SCORE -> s == EvaluationState.COUNTY_SCORING || s == EvaluationState.CITY_SCORING;
            case APPROVE ->
                s == EvaluationState.COUNTY_SCORED
                        || s == EvaluationState.CITY_SCORED
                        || s == EvaluationState.PUBLICITY;
            case CERTIFY -> s == EvaluationState.APPROVED;
            case RECHECK -> s == EvaluationState.CLOSED;
            case RETURN ->
                EnumSet.of(
                                EvaluationState.SELF_SIGNED,
                                EvaluationState.COUNTY_SCORING,
                                EvaluationState.COUNTY_SCORED,
                                EvaluationState.CITY_SCORING,
                                EvaluationState.CITY_SCORED,
                                EvaluationState.PUBLICITY)
                        .contains(s);
        };
    }

    @Test
    void everyStepRefusesEveryOtherCapacity() {
        record Case(EvaluationState from, Action action, Set<Hat> allowed, Workflow.Facts facts) {}
        List<Case> cases = List.of(
                new Case(EvaluationState.SELF_DRAFT, Action.SUBMIT, EnumSet.of(Hat.SCHOOL_HEAD), PRIMARY),
                new Case(EvaluationState.SELF_SIGNED, Action.SUBMIT, EnumSet.of(Hat.TOWNSHIP), PRIMARY),
                new Case(
                        EvaluationState.COUNTY_SCORING,
                        Action.SCORE,
                        EnumSet.of(Hat.COUNTY_LEADER, Hat.COUNTY_OWNER),
                        PRIMARY),
                new Case(EvaluationState.COUNTY_SCORED, Action.APPROVE, EnumSet.of(Hat.COUNTY_OWNER), PRIMARY),
                new Case(
                        EvaluationState.CITY_SCORING,
                        Action.SCORE,
                        EnumSet.of(Hat.CITY_LEADER, Hat.CITY_OWNER),
                        PRIMARY),
                new Case(EvaluationState.CITY_SCORED, Action.APPROVE, EnumSet.of(Hat.CITY_OWNER), PRIMARY),
                new Case(EvaluationState.PUBLICITY, Action.APPROVE, EnumSet.of(Hat.COUNTY_BODY), PRIMARY),
                new Case(EvaluationState.PUBLICITY, Action.APPROVE, EnumSet.of(Hat.CITY_BODY), JUNIOR),
                new Case(EvaluationState.APPROVED, Action.CERTIFY, EnumSet.of(Hat.COUNTY_BODY), PRIMARY),
                new Case(EvaluationState.APPROVED, Action.CERTIFY, EnumSet.of(Hat.CITY_BODY), JUNIOR),
                new Case(EvaluationState.CLOSED, Action.RECHECK, EnumSet.of(Hat.COUNTY_OWNER), PRIMARY));
        for (Case c : cases) {
            for (Hat h : Hat.values()) {
                boolean ok;
                try {
                    Workflow.next(c.from(), c.action(), EnumSet.of(h), c.facts(), "r");
                    ok = true;
                } catch (TransitionRefused e) {
                    ok = false;
                    assertThat(e.getMessage()).isEqualTo("evaluation.refused.role");
                }
                assertThat(ok)
                        .as(c.from() + " " + c.action() + " as " + h)
                        .isEqualTo(c.allowed().contains(h));
            }
        }
    }

    @Test
    void lateApplicationsAreRefused() {
        Workflow.Facts late = new Workflow.Facts(true, false, false, true, true, true, 0);
        assertThatThrownBy(() -> step(EvaluationState.SELF_DRAFT, Action.SUBMIT, Hat.SCHOOL_HEAD, late))
                .hasMessage("evaluation.refused.deadline");
        assertThatThrownBy(() -> step(EvaluationState.SELF_SIGNED, Action.SUBMIT, Hat.TOWNSHIP, late))
                .hasMessage("evaluation.refused.deadline");
    }

    @Test
    void schoolsBelowTheTopGradeCloseInsteadOfGoingUp() {
        Workflow.Facts below = new Workflow.Facts(true, false, true, false, true, true, 0);
        assertThat(step(EvaluationState.COUNTY_SCORED, Action.APPROVE, Hat.COUNTY_OWNER, below))
                .isEqualTo(EvaluationState.CLOSED);
        assertThat(step(EvaluationState.CITY_SCORED, Action.APPROVE, Hat.CITY_OWNER, below))
                .isEqualTo(EvaluationState.CLOSED);
    }

    @Test
    void scoringNeedsCompleteExpertSheets() {
        Workflow.Facts notReady = new Workflow.Facts(true, false, true, true, false, true, 0);
        assertThatThrownBy(() -> step(EvaluationState.COUNTY_SCORING, Action.SCORE, Hat.COUNTY_LEADER, notReady))
                .hasMessage("evaluation.refused.scores-missing");
    }

    @Test
    void approvalWaitsForTheEndOfPublicityAndAnsweredObjections() {
        Workflow.Facts running = new Workflow.Facts(true, false, true, true, true, false, 0);
        Workflow.Facts objected = new Workflow.Facts(true, false, true, true, true, true, 2);
        assertThatThrownBy(() -> step(EvaluationState.PUBLICITY, Action.APPROVE, Hat.COUNTY_BODY, running))
                .hasMessage("evaluation.refused.publicity-running");
        assertThatThrownBy(() -> step(EvaluationState.PUBLICITY, Action.APPROVE, Hat.COUNTY_BODY, objected))
                .hasMessage("evaluation.refused.objections-open");
    }

    @Test
    void returnsGoOneLevelBackAndNeedAReason() {
        assertThat(Workflow.next(
                        EvaluationState.COUNTY_SCORING, Action.RETURN, EnumSet.of(Hat.COUNTY_OWNER), PRIMARY, "材料不全"))
                .isEqualTo(EvaluationState.SELF_DRAFT);
        assertThat(Workflow.next(
                        EvaluationState.CITY_SCORING, Action.RETURN, EnumSet.of(Hat.CITY_OWNER), PRIMARY, "复核发现问题"))
                .isEqualTo(EvaluationState.COUNTY_SCORED);
        assertThat(Workflow.next(EvaluationState.SELF_SIGNED, Action.RETURN, EnumSet.of(Hat.TOWNSHIP), PRIMARY, "补充材料"))
                .isEqualTo(EvaluationState.SELF_DRAFT);
        assertThatThrownBy(() -> Workflow.next(
                        EvaluationState.COUNTY_SCORED, Action.RETURN, EnumSet.of(Hat.COUNTY_OWNER), PRIMARY, " "))
                .hasMessage("evaluation.refused.reason-required");
        assertThatThrownBy(() -> Workflow.next(EvaluationState.CERTIFIED, Action.RETURN, ALL, PRIMARY, "x"))
                .hasMessage("evaluation.refused.state");
    }

    @Test
    void capacitiesFollowWhereTheGrantsSit() {
        Place place = new Place("/1/2/3/5/9/", "/1/2/3/5/", "/1/2/3/", "/1/2/");
        assertThat(Hats.of(List.of(new Grant(Role.HEAD, 9L, "/1/2/3/5/9/")), place))
                .containsExactly(Hat.SCHOOL_HEAD);
        assertThat(Hats.of(List.of(new Grant(Role.CLERK, 5L, "/1/2/3/5/")), place))
                .containsExactly(Hat.TOWNSHIP);
        assertThat(Hats.of(List.of(new Grant(Role.DIRECTOR, 3L, "/1/2/3/")), place))
                .containsExactlyInAnyOrder(Hat.COUNTY_OWNER, Hat.COUNTY_BODY);
        assertThat(Hats.of(List.of(new Grant(Role.DIRECTOR, 2L, "/1/2/")), place))
                .containsExactlyInAnyOrder(Hat.CITY_OWNER, Hat.CITY_BODY);
        assertThat(Hats.of(List.of(new Grant(Role.DIRECTOR, 4L, "/1/2/4/")), place))
                .isEmpty();
        assertThat(Hats.of(List.of(new Grant(Role.LEADER, 2L, "/1/2/")), place)).isEmpty();
        assertThat(Hats.expertAt(List.of(new Grant(Role.EXPERT, 3L, "/1/2/3/")), place, Phase.COUNTY))
                .isTrue();
        assertThat(Hats.expertAt(List.of(new Grant(Role.EXPERT, 3L, "/1/2/3/")), place, Phase.CITY))
                .isFalse();
        assertThat(Hats.expertAt(List.of(new Grant(Role.EXPERT, 2L, "/1/2/")), place, Phase.CITY))
                .isTrue();
        assertThat(Hats.expertAt(List.of(new Grant(Role.EXPERT, 2L, "/1/2/")), place, Phase.COUNTY))
                .isFalse();
    }

    @Test
    void quotaIsFivePercentRoundedUpSplitByKind() {
        assertThat(QuotaPlan.split(560, 460)).containsExactly(23, 5);
        assertThat(QuotaPlan.split(41, 30)).containsExactly(2, 1);
        assertThat(QuotaPlan.split(0, 0)).containsExactly(0, 0);
        assertThat(QuotaPlan.completion(10, 3, 5)).isEqualTo(6.0);
        assertThat(QuotaPlan.completion(10, 7, 5)).isEqualTo(10.0);
    }

    private static EvaluationState step(EvaluationState from, Action a, Hat hat, Workflow.Facts facts) {
        return Workflow.next(from, a, EnumSet.of(hat), facts, null);
    }
}
