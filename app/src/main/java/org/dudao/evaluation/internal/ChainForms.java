package org.dudao.evaluation.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.dudao.evaluation.ChainLevel;
import org.dudao.evaluation.Phase;
import org.dudao.org.OrgKind;
import org.dudao.shared.Problems;

/**
 * Reads the review part of a new project's form: a template, or a chain of levels and the unit kinds, each
 * refused with a problem naming its field (no levels, wrong order, no approving level, unknown kind).
 */
public final class ChainForms {

    /** The evaluated unit kinds, the template's code (CUSTOM for an edited chain) and the chain. */
    public record Review(String template, Set<OrgKind> unitKinds, ReviewChain chain) {}

    public static final String CUSTOM = "CUSTOM";

    private ChainForms() {}

    /** The review of the form; problems are added, and the standardization chain stands in for a refused one. */
    public static Review read(
            Problems problems, String templateText, List<String> kindsText, List<ChainLevel> levels, int publicity) {
        ChainTemplate template = ChainTemplate.STANDARDIZATION;
        if (templateText != null && !templateText.isBlank()) {
            template = ChainTemplate.parse(templateText).orElse(null);
            if (template == null) {
                problems.add("template", "evaluation.error.template-unknown", templateText);
                template = ChainTemplate.STANDARDIZATION;
            }
        }
        Set<OrgKind> kinds = kindsText == null ? template.unitKinds() : kinds(problems, kindsText);
        if (levels == null) {
            return new Review(template.name(), kinds, template.chain(publicity));
        }
        ReviewChain chain = chain(problems, levels);
        return new Review(CUSTOM, kinds, chain == null ? template.chain(publicity) : chain);
    }

    private static Set<OrgKind> kinds(Problems problems, List<String> texts) {
        Set<OrgKind> kinds = EnumSet.noneOf(OrgKind.class);
        for (String t : texts) {
            OrgKind k = OrgKind.parse(t).orElse(null);
            if (k == null || k.level() == OrgKind.Level.PROVINCE || k.level() == OrgKind.Level.CITY) {
                problems.add("unitKinds", "evaluation.error.unit-kind", String.valueOf(t));
            } else {
                kinds.add(k);
            }
        }
        if (kinds.isEmpty() && texts.isEmpty()) {
            problems.add("unitKinds", "error.required");
        }
        return kinds;
    }

    private static ReviewChain chain(Problems problems, List<ChainLevel> levels) {
        List<ReviewChain.Level> read = new ArrayList<>();
        int before = -1;
        boolean ok = true;
        for (int i = 0; i < levels.size(); i++) {
            ChainLevel l = levels.get(i);
            String field = "chain[" + i + "]";
            Phase phase = phase(l == null ? null : l.level());
            if (phase == null) {
                problems.add(
                        field + ".level", "evaluation.error.chain-level", l == null ? "" : String.valueOf(l.level()));
                ok = false;
                continue;
            }
            int at = ReviewChain.ORDER.indexOf(phase);
            if (at <= before) {
                problems.add(field + ".level", "evaluation.error.chain-order", phase.name());
                ok = false;
            }
            before = Math.max(before, at);
            int days = l.publicityDays() == null ? 0 : l.publicityDays();
            if (days < 0 || days > 60) {
                problems.add(field + ".publicityDays", "error.range", 0, 60);
                ok = false;
            }
            Set<OrgKind> approvesKinds = EnumSet.noneOf(OrgKind.class);
            for (String k : l.approvesKinds() == null ? List.<String>of() : l.approvesKinds()) {
                OrgKind kind = OrgKind.parse(k).orElse(null);
                if (kind == null) {
                    problems.add(field + ".approvesKinds", "evaluation.error.unit-kind", String.valueOf(k));
                    ok = false;
                } else {
                    approvesKinds.add(kind);
                }
            }
            boolean self = phase == Phase.SELF;
            if (self && (isTrue(l.scores()) || isTrue(l.approves()) || isTrue(l.certificate()) || days > 0)) {
                problems.add(field + ".level", "evaluation.error.chain-self");
                ok = false;
            }
            read.add(new ReviewChain.Level(
                    phase, isTrue(l.scores()), isTrue(l.approves()), days, isTrue(l.certificate()), approvesKinds));
        }
        if (read.stream().noneMatch(l -> l.phase() != Phase.SELF)) {
            problems.add("chain", "evaluation.error.chain-empty");
            return null;
        }
        if (read.stream().noneMatch(ReviewChain.Level::approves)) {
            problems.add("chain", "evaluation.error.chain-no-approval");
            return null;
        }
        if (!ok) {
            return null;
        }
        if (read.get(0).phase() != Phase.SELF) {
            read.add(0, ReviewChain.self()); // every unit evaluates itself first
        }
        return new ReviewChain(List.copyOf(read), false);
    }

    private static Phase phase(String text) {
        if (text == null) return null;
        try {
            Phase p = Phase.valueOf(text.trim().toUpperCase(Locale.ROOT));
            return ReviewChain.ORDER.contains(p) ? p : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean isTrue(Boolean b) {
        return Boolean.TRUE.equals(b);
    }
}
