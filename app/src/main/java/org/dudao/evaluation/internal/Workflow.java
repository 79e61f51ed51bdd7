package org.dudao.evaluation.internal;

import java.util.Set;
import org.dudao.evaluation.EvaluationState;
import org.dudao.evaluation.Phase;

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
 *
 * That is the standardization chain; a project's {@link ReviewChain} generalises it: the file enters each review
 * level of the chain in order (X_SCORING where the level's experts score, X_SCORED at once where its office only
 * checks), the level's owner approves it on to the next level, after the last one to the 公示 of the approving
 * level (if any) and the approval, then to the plaque only if the chain issues one, else the result is final
 * (CLOSED with its grade). Returns go back one level, 重新复核 reopens the first review level.
 */
public final class Workflow {

    /**
     * What the rules need to know about the file besides its state.
     *
     * @param viaTownship   the unit sits under a township, whose application follows the head's sign-off
     * @param cityApproves  the approving level is the city (初中, 九年一贯制 and 完全中学 in standardization)
     * @param withinDeadline the self-evaluation application is still on time (or extended for the school)
     * @param passed        the current consolidated grade lets the file move on (standardization: the top grade)
     * @param scoresReady   expert scores of the current level are complete enough to consolidate
     * @param publicityOver the 公示 period has ended
     * @param openObjections objections not yet answered by the owner
     * @param chain         the project's review chain
     * @param approving     the review level that approves this unit
     * @param top           the grade is the scheme's top grade (a plaque is issued only for it)
     */
    public record Facts(
            boolean viaTownship,
            boolean cityApproves,
            boolean withinDeadline,
            boolean passed,
            boolean scoresReady,
            boolean publicityOver,
            int openObjections,
            ReviewChain chain,
            Phase approving,
            boolean top) {

        /** Facts of a standardization file (the approving level follows {@code cityApproves}). */
        public Facts(
                boolean viaTownship,
                boolean cityApproves,
                boolean withinDeadline,
                boolean passed,
                boolean scoresReady,
                boolean publicityOver,
                int openObjections) {
            this(
                    viaTownship,
                    cityApproves,
                    withinDeadline,
                    passed,
                    scoresReady,
                    publicityOver,
                    openObjections,
                    ReviewChain.standardization(7),
                    cityApproves ? Phase.CITY : Phase.COUNTY,
                    passed);
        }

        /** The same facts with the readiness of the current level's scores. */
        public Facts withScoresReady(boolean ready) {
            return new Facts(
                    viaTownship,
                    cityApproves,
                    withinDeadline,
                    passed,
                    ready,
                    publicityOver,
                    openObjections,
                    chain,
                    approving,
                    top);
        }

        ReviewChain.Level approvingLevel() {
            return chain.level(approving);
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
            case RECHECK -> recheck(from, hats, facts);
        };
    }

    /** The state a file enters a review level in: scoring, or at once the owner's decision for a check-only one. */
    private static EvaluationState enter(ReviewChain.Level level) {
        return level.scores() ? EvaluationState.scoring(level.phase()) : EvaluationState.scored(level.phase());
    }

    private static EvaluationState submit(EvaluationState from, Set<Hat> hats, Facts f) {
        switch (from) {
            case SELF_DRAFT -> {
                require(hats, Hat.SCHOOL_HEAD);
                onTime(f);
                return f.viaTownship()
                        ? EvaluationState.SELF_SIGNED
                        : enter(f.chain().first());
            }
            case SELF_SIGNED -> {
                require(hats, Hat.TOWNSHIP);
                onTime(f);
                return enter(f.chain().first());
            }
            default -> throw notNow(from, Action.SUBMIT);
        }
    }

    private static EvaluationState score(EvaluationState from, Set<Hat> hats, Facts f) {
        Phase level = from.scoringLevel();
        if (level == null || !f.chain().has(level)) {
            throw notNow(from, Action.SCORE);
        }
        require(hats, Hat.leader(level), Hat.owner(level));
        ready(f);
        return EvaluationState.scored(level);
    }

    private static EvaluationState approve(EvaluationState from, Set<Hat> hats, Facts f) {
        Phase level = from.scoredLevel();
        if (level != null && f.chain().has(level)) {
            require(hats, Hat.owner(level));
            if (!f.passed()) {
                return EvaluationState.CLOSED;
            }
            ReviewChain.Level next = f.chain().after(level);
            if (next != null) {
                return enter(next);
            }
            if (f.chain().publicity(f.approvingLevel())) {
                return EvaluationState.PUBLICITY;
            }
            return decided(f);
        }
        if (from == EvaluationState.PUBLICITY) {
            require(hats, body(f));
            if (!f.publicityOver()) {
                throw new TransitionRefused("evaluation.refused.publicity-running");
            }
            if (f.openObjections() > 0) {
                throw new TransitionRefused("evaluation.refused.objections-open", f.openObjections());
            }
            return decided(f);
        }
        throw notNow(from, Action.APPROVE);
    }

    /** Approved: on to the plaque when the chain issues one for this grade, else the result is final. */
    private static EvaluationState decided(Facts f) {
        return f.approvingLevel().certificate() && f.top() ? EvaluationState.APPROVED : EvaluationState.CLOSED;
    }

    private static EvaluationState certify(EvaluationState from, Set<Hat> hats, Facts f) {
        if (from != EvaluationState.APPROVED) {
            throw notNow(from, Action.CERTIFY);
        }
        require(hats, body(f));
        return EvaluationState.CERTIFIED;
    }

    private static EvaluationState recheck(EvaluationState from, Set<Hat> hats, Facts f) {
        if (from != EvaluationState.CLOSED) {
            throw notNow(from, Action.RECHECK);
        }
        Phase first = f.chain().first().phase();
        require(hats, Hat.owner(first));
        return EvaluationState.scored(first);
    }

    private static EvaluationState giveBack(EvaluationState from, Set<Hat> hats, Facts f, String reason) {
        EvaluationState to;
        Phase scoring = from.scoringLevel();
        Phase scored = from.scoredLevel();
        if (from == EvaluationState.SELF_SIGNED) {
            require(hats, Hat.TOWNSHIP, Hat.SCHOOL_HEAD);
            to = EvaluationState.SELF_DRAFT;
        } else if (scoring != null && f.chain().has(scoring)) {
            require(hats, Hat.owner(scoring));
            to = backFrom(f.chain(), scoring);
        } else if (scored != null && f.chain().has(scored)) {
            require(hats, Hat.owner(scored));
            to = f.chain().level(scored).scores() ? EvaluationState.scoring(scored) : backFrom(f.chain(), scored);
        } else if (from == EvaluationState.PUBLICITY) {
            Phase last = f.chain().last().phase();
            require(hats, Hat.owner(last), body(f));
            to = EvaluationState.scored(last);
        } else {
            throw notNow(from, Action.RETURN);
        }
        if (reason == null || reason.isBlank()) {
            throw new TransitionRefused("evaluation.refused.reason-required");
        }
        return to;
    }

    /** Back from a level to the decision of the one before, or to the unit's draft from the first. */
    private static EvaluationState backFrom(ReviewChain chain, Phase level) {
        ReviewChain.Level before = chain.before(level);
        return before == null ? EvaluationState.SELF_DRAFT : EvaluationState.scored(before.phase());
    }

    /** The body that approves and awards the plaque for this unit: the approving level's leading group. */
    public static Hat body(Facts f) {
        return Hat.body(f.approving());
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
