package org.dudao.evaluation.internal;

import java.util.Set;
import org.dudao.evaluation.EvaluationState;

/**
 * The rules of the acceptance workflow (SPEC §3), free of Spring and persistence: from a state, an action, the
 * capacities of the actor and the facts of the file it gives the next state, or refuses with a reason. No step
 * can be skipped: every state accepts only its own actions, and each action only from the capacity it belongs to.
 *
 * <pre>
 * SELF_DRAFT --submit(head)--> SELF_SIGNED --submit(township)--> COUNTY_SCORING   (县属 school: head → county)
 * COUNTY_SCORING --score(leader/owner)--> COUNTY_SCORED --approve(county owner)--> CITY_SCORING | CLOSED
 * CITY_SCORING --score(leader/owner)--> CITY_SCORED --approve(city owner)--> PUBLICITY | CLOSED
 * PUBLICITY --approve(approving body, 公示 over, objections answered)--> APPROVED --certify(body)--> CERTIFIED
 * every open step --return(reason)--> the previous level
 * CLOSED --recheck(county owner, 重新复核 after rectification)--> COUNTY_SCORED (re-scored from current data)
 * </pre>
 */
public final class Workflow {

    /**
     * What the rules need to know about the file besides its state.
     *
     * @param viaTownship   the school sits under a township, whose application follows the head's sign-off
     * @param cityApproves  初中, 九年一贯制 and 完全中学 are approved by the city body, 小学 by the county body
     * @param withinDeadline the self-evaluation application is still on time (or extended for the school)
     * @param passed        the current consolidated grade is the scheme's top grade (达标)
     * @param scoresReady   expert scores of the current level are complete enough to consolidate
     * @param publicityOver the 公示 period has ended
     * @param openObjections objections not yet answered by the owner
     */
    public record Facts(
            boolean viaTownship,
            boolean cityApproves,
            boolean withinDeadline,
            boolean passed,
            boolean scoresReady,
            boolean publicityOver,
            int openObjections) {

        /** The same facts with the readiness of the current level's scores. */
        public Facts withScoresReady(boolean ready) {
            return new Facts(viaTownship, cityApproves, withinDeadline, passed, ready, publicityOver, openObjections);
        }
    }

    private Workflow() {}

    public static EvaluationState next(EvaluationState from, Action action, Set<Hat> hats, Facts facts, String reason) {
        return switch (action) {
            case SUBMIT -> submit(from, hats, facts);
            case SCORE -> score(from, hats, facts);
            case APPROVE -> approve(from, hats, facts);
            case CERTIFY -> certify(from, hats, facts);
            case RETURN -> giveBack(from, hats, facts, reason);
            case RECHECK -> recheck(from, hats);
        };
    }

    private static EvaluationState submit(EvaluationState from, Set<Hat> hats, Facts f) {
        switch (from) {
            case SELF_DRAFT -> {
                require(hats, Hat.SCHOOL_HEAD);
                onTime(f);
                return f.viaTownship() ? EvaluationState.SELF_SIGNED : EvaluationState.COUNTY_SCORING;
            }
            case SELF_SIGNED -> {
                require(hats, Hat.TOWNSHIP);
                onTime(f);
                return EvaluationState.COUNTY_SCORING;
            }
            default -> throw notNow(from, Action.SUBMIT);
        }
    }

    private static EvaluationState score(EvaluationState from, Set<Hat> hats, Facts f) {
        switch (from) {
            case COUNTY_SCORING -> {
                require(hats, Hat.COUNTY_LEADER, Hat.COUNTY_OWNER);
                ready(f);
                return EvaluationState.COUNTY_SCORED;
            }
            case CITY_SCORING -> {
                require(hats, Hat.CITY_LEADER, Hat.CITY_OWNER);
                ready(f);
                return EvaluationState.CITY_SCORED;
            }
            default -> throw notNow(from, Action.SCORE);
        }
    }

    private static EvaluationState approve(EvaluationState from, Set<Hat> hats, Facts f) {
        switch (from) {
            case COUNTY_SCORED -> {
                require(hats, Hat.COUNTY_OWNER);
                return f.passed() ? EvaluationState.CITY_SCORING : EvaluationState.CLOSED;
            }
            case CITY_SCORED -> {
                require(hats, Hat.CITY_OWNER);
                return f.passed() ? EvaluationState.PUBLICITY : EvaluationState.CLOSED;
            }
            case PUBLICITY -> {
                require(hats, body(f));
                if (!f.publicityOver()) {
                    throw new TransitionRefused("evaluation.refused.publicity-running");
                }
                if (f.openObjections() > 0) {
                    throw new TransitionRefused("evaluation.refused.objections-open", f.openObjections());
                }
                return EvaluationState.APPROVED;
            }
            default -> throw notNow(from, Action.APPROVE);
        }
    }

    private static EvaluationState certify(EvaluationState from, Set<Hat> hats, Facts f) {
        if (from != EvaluationState.APPROVED) {
            throw notNow(from, Action.CERTIFY);
        }
        require(hats, body(f));
        return EvaluationState.CERTIFIED;
    }

    private static EvaluationState recheck(EvaluationState from, Set<Hat> hats) {
        if (from != EvaluationState.CLOSED) {
            throw notNow(from, Action.RECHECK);
        }
        require(hats, Hat.COUNTY_OWNER);
        return EvaluationState.COUNTY_SCORED;
    }

    private static EvaluationState giveBack(EvaluationState from, Set<Hat> hats, Facts f, String reason) {
        EvaluationState to;
        switch (from) {
            case SELF_SIGNED -> {
                require(hats, Hat.TOWNSHIP, Hat.SCHOOL_HEAD);
                to = EvaluationState.SELF_DRAFT;
            }
            case COUNTY_SCORING -> {
                require(hats, Hat.COUNTY_OWNER);
                to = EvaluationState.SELF_DRAFT;
            }
            case COUNTY_SCORED -> {
                require(hats, Hat.COUNTY_OWNER);
                to = EvaluationState.COUNTY_SCORING;
            }
            case CITY_SCORING -> {
                require(hats, Hat.CITY_OWNER);
                to = EvaluationState.COUNTY_SCORED;
            }
            case CITY_SCORED -> {
                require(hats, Hat.CITY_OWNER);
                to = EvaluationState.CITY_SCORING;
            }
            case PUBLICITY -> {
                require(hats, Hat.CITY_OWNER, body(f));
                to = EvaluationState.CITY_SCORED;
            }
            default -> throw notNow(from, Action.RETURN);
        }
        if (reason == null || reason.isBlank()) {
            throw new TransitionRefused("evaluation.refused.reason-required");
        }
        return to;
    }

    /** The body that approves and awards the plaque for this kind of school. */
    public static Hat body(Facts f) {
        return f.cityApproves() ? Hat.CITY_BODY : Hat.COUNTY_BODY;
    }

    private static void require(Set<Hat> hats, Hat... anyOf) {
        for (Hat h : anyOf) {
            if (hats.contains(h)) {
                return;
            }
        }
        throw new TransitionRefused("evaluation.refused.role", anyOf[0].name());
    }

    private static void onTime(Facts f) {
        if (!f.withinDeadline()) {
            throw new TransitionRefused("evaluation.refused.deadline");
        }
    }

    private static void ready(Facts f) {
        if (!f.scoresReady()) {
            throw new TransitionRefused("evaluation.refused.scores-missing");
        }
    }

    private static TransitionRefused notNow(EvaluationState from, Action action) {
        return new TransitionRefused(
                "evaluation.refused.state", action.name().toLowerCase(java.util.Locale.ROOT), from.name());
    }
}
