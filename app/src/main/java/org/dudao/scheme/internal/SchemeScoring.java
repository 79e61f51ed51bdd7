package org.dudao.scheme.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dudao.engine.CompiledScheme;
import org.dudao.engine.Enrolment;
import org.dudao.engine.FiredVeto;
import org.dudao.engine.Gap;
import org.dudao.engine.GapAnalysis;
import org.dudao.engine.GapReport;
import org.dudao.engine.GradePlan;
import org.dudao.engine.IndicatorScore;
import org.dudao.engine.ManualScore;
import org.dudao.engine.SchemeProblem;
import org.dudao.engine.SchoolType;
import org.dudao.engine.ScoreResult;
import org.dudao.org.OrgUnitRef;
import org.dudao.org.OrgUnits;
import org.dudao.scheme.Advice;
import org.dudao.scheme.SchemeDoc;
import org.dudao.scheme.Schemes;
import org.dudao.scheme.SchoolInputs;
import org.dudao.shared.Problems;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What-if and gap analysis: scores one unit under a scheme version from values typed in, from the unit's
 * stored values, or both (typed values win), and says what the unit lost and the cheapest way to the next
 * grade. Stores nothing.
 */
@Service
public class SchemeScoring {

    private final Schemes schemes;
    private final OrgUnits orgUnits;
    private final SchoolInputs inputs;
    private final Clock clock;

    SchemeScoring(Schemes schemes, OrgUnits orgUnits, SchoolInputs inputs, Clock clock) {
        this.schemes = schemes;
        this.orgUnits = orgUnits;
        this.inputs = inputs;
        this.clock = clock;
    }

    /** A unit's stored starting point for a what-if: type, enrolment and the values the scheme reads. */
    public record Prefill(
            String unit,
            String unitName,
            String period,
            String kind,
            WhatIfRequest.Enrolment enrolment,
            Map<String, Double> values) {}

    /** The unit's stored values for the items of the scheme version; period null = latest year with data. */
    @Transactional(readOnly = true)
    public Prefill prefill(String code, Integer version, String unitCode, String period) {
        return prefill(schemes.compiled(code, version), unitCode, period);
    }

    /**
     * Without a period: this year when the unit has values of the scheme's items then, else the latest year with
     * any of them (enrolment included), else this year.
     */
    private Prefill prefill(CompiledScheme cs, String unitCode, String period) {
        OrgUnitRef unit = orgUnits.readable(unitCode == null ? null : unitCode.trim());
        String p = period == null || period.isBlank() ? null : period.trim();
        SchoolInputs.Stored stored;
        if (p == null) {
            p = String.valueOf(Year.now(clock).getValue());
            stored = inputs.stored(cs, unit.id(), p);
            String latest = stored.values().isEmpty() ? inputs.latestPeriod(cs, unit.id()) : null;
            if (latest != null && !latest.equals(p)) {
                p = latest;
                stored = inputs.stored(cs, unit.id(), p);
            }
        } else {
            stored = inputs.stored(cs, unit.id(), p);
        }
        org.dudao.org.Enrolment e = stored.enrolment();
        WhatIfRequest.Enrolment enrolment = new WhatIfRequest.Enrolment(e.primary(), e.junior(), e.senior());
        return new Prefill(unit.code(), unit.name(), p, unit.kind().label(), enrolment, stored.values());
    }

    /** Scores a unit under a readable scheme version (null: latest) with gaps and the next-grade plan. */
    @Transactional(readOnly = true)
    public WhatIfResult score(String code, Integer version, WhatIfRequest request) {
        SchemeDoc doc = schemes.version(code, version);
        CompiledScheme cs = schemes.compiled(code, doc.version());
        WhatIfRequest req = request == null ? new WhatIfRequest(null, null, null, null, null, null) : request;
        Problems problems = new Problems();

        Prefill base = req.unit() == null || req.unit().isBlank() ? null : prefill(cs, req.unit(), req.period());
        SchoolType type = type(req, base, problems);
        WhatIfRequest.Enrolment counts = enrolment(req, base, problems);
        Map<String, Double> byItem = values(req, base, problems);
        Map<String, ManualScore> manual = manual(req, cs, problems);
        problems.throwIfAny();

        Enrolment enrolment = new Enrolment(counts.primary(), counts.junior(), counts.senior());
        GapReport report = GapAnalysis.analyse(cs, type, enrolment, byItem, manual);
        Map<String, Schemes.ItemInfo> items = schemes.items(cs.items());
        Map<String, Object[]> shape = new HashMap<>();
        shapeOf(doc.indicators(), 0, shape);
        return result(doc, base, type, counts, byItem, report, items, shape);
    }

    /** The typed kind, else the unit's; a unit that is no school has no stage, an unknown typed kind is a problem. */
    private static SchoolType type(WhatIfRequest req, Prefill base, Problems problems) {
        boolean typed = req.kind() != null && !req.kind().isBlank();
        String kindText = typed ? req.kind().trim() : base != null ? base.kind() : null;
        if (kindText == null) {
            return SchoolType.OTHER;
        }
        SchoolType type = parseKind(kindText);
        if (type == null && typed) {
            problems.add("kind", "scheme.error.kind-unknown", kindText);
        }
        return type == null ? SchoolType.OTHER : type; // a county or another body: no stage
    }

    /** The typed enrolment per stage, else the unit's stored figure, else 0. */
    private static WhatIfRequest.Enrolment enrolment(WhatIfRequest req, Prefill base, Problems problems) {
        WhatIfRequest.Enrolment given = req.enrolment();
        WhatIfRequest.Enrolment stored = base == null ? null : base.enrolment();
        int primary = count(
                problems,
                "enrolment.primary",
                given == null ? null : given.primary(),
                stored == null ? null : stored.primary());
        int junior = count(
                problems,
                "enrolment.junior",
                given == null ? null : given.junior(),
                stored == null ? null : stored.junior());
        int senior = count(
                problems,
                "enrolment.senior",
                given == null ? null : given.senior(),
                stored == null ? null : stored.senior());
        return new WhatIfRequest.Enrolment(primary, junior, senior);
    }

    /** The unit's stored values overridden by the typed ones; an emptied value removes the stored one. */
    private static Map<String, Double> values(WhatIfRequest req, Prefill base, Problems problems) {
        Map<String, Double> byItem = new LinkedHashMap<>();
        if (base != null) byItem.putAll(base.values());
        if (req.values() != null) {
            req.values().forEach((item, raw) -> {
                if (item == null) return;
                Double d = number(raw);
                if (d != null && Double.isNaN(d)) {
                    problems.add("values." + item, "scheme.error.not-a-number", String.valueOf(raw));
                } else if (d == null) {
                    byItem.remove(item);
                } else {
                    byItem.put(item, d);
                }
            });
        }
        return byItem;
    }

    /** The typed expert scores; only MANUAL indicators of the scheme take one. */
    private static Map<String, ManualScore> manual(WhatIfRequest req, CompiledScheme cs, Problems problems) {
        Map<String, ManualScore> manual = new HashMap<>();
        if (req.manual() != null) {
            req.manual().forEach((indicator, m) -> {
                if (m != null && m.score() != null) {
                    if (cs.manualSlotOf(indicator) < 0) {
                        problems.add("manual." + indicator, "scheme.error.not-manual", indicator);
                    } else {
                        manual.put(indicator, ManualScore.of(m.score(), m.reason()));
                    }
                }
            });
        }
        return manual;
    }

    private WhatIfResult result(
            SchemeDoc doc,
            Prefill base,
            SchoolType type,
            WhatIfRequest.Enrolment enrolment,
            Map<String, Double> byItem,
            GapReport report,
            Map<String, Schemes.ItemInfo> items,
            Map<String, Object[]> shape) {
        ScoreResult r = report.result();
        List<WhatIfResult.IndicatorResult> indicators = indicators(r, shape);
        List<WhatIfResult.GapView> gaps =
                report.gaps().stream().map(g -> gap(g, items)).toList();
        List<WhatIfResult.VetoHit> vetoes =
                r.vetoes().stream().map(v -> veto(v, items)).toList();
        WhatIfResult.Plan plan = plan(report.nextGrade(), items);
        List<SchemeDoc.Problem> problems = r.problems().stream()
                .map((SchemeProblem x) -> new SchemeDoc.Problem(x.path(), x.message()))
                .toList();
        return new WhatIfResult(
                doc.code(),
                doc.version(),
                base == null ? null : base.unit(),
                base == null ? null : base.unitName(),
                base == null ? null : base.period(),
                type.label(),
                enrolment,
                byItem,
                r.total(),
                r.grade(),
                r.gradeByScore(),
                vetoes,
                indicators,
                gaps,
                plan,
                r.unscored(),
                r.missingItems(),
                r.missingReasons(),
                problems,
                r.complete());
    }

    /** Each indicator's score with its depth and leaf flag for the result tree. */
    private static List<WhatIfResult.IndicatorResult> indicators(ScoreResult r, Map<String, Object[]> shape) {
        List<WhatIfResult.IndicatorResult> indicators = new ArrayList<>();
        for (IndicatorScore s : r.indicators()) {
            Object[] depthLeaf = shape.getOrDefault(s.code(), new Object[] {0, true});
            indicators.add(new WhatIfResult.IndicatorResult(
                    s.code(),
                    s.name(),
                    (Integer) depthLeaf[0],
                    (Boolean) depthLeaf[1],
                    round(s.score()),
                    s.points(),
                    s.bonus() ? 0 : round(Math.max(0, s.points() - s.score())),
                    flag(s.bonus()),
                    flag(s.unscored()),
                    flag(s.missingItem()),
                    flag(s.noStandard())));
        }
        return indicators;
    }

    /** The cheapest way to the next grade, in the unit's words. */
    private static WhatIfResult.Plan plan(GradePlan p, Map<String, Schemes.ItemInfo> items) {
        return new WhatIfResult.Plan(
                p.currentGrade(),
                p.targetGrade(),
                round(p.pointsNeeded()),
                p.reachable(),
                p.exact(),
                round(p.cost()),
                p.close().stream().map(g -> gap(g, items)).toList(),
                p.blockingVetoes().stream().map(v -> veto(v, items)).toList(),
                summary(p, items));
    }

    private static WhatIfResult.GapView gap(Gap g, Map<String, Schemes.ItemInfo> items) {
        Schemes.ItemInfo info = g.item() == null ? null : items.get(g.item());
        return new WhatIfResult.GapView(
                g.indicator(),
                g.name(),
                g.rule().name(),
                g.item(),
                info == null ? null : info.name(),
                info == null ? null : info.unit(),
                round(g.pointsLost()),
                nullIfNaN(g.current()),
                nullIfNaN(g.required()),
                nullIfNaN(g.additional()),
                round(g.cost()),
                Advice.of(g, info));
    }

    private static WhatIfResult.VetoHit veto(FiredVeto v, Map<String, Schemes.ItemInfo> items) {
        Schemes.ItemInfo info = items.get(v.item());
        String itemName = info == null ? v.item() : info.name();
        String evidence = v.evidence().replace("：" + v.item() + " = ", "：" + itemName + " = ");
        return new WhatIfResult.VetoHit(
                v.code(), v.name(), v.item(), itemName, v.op(), v.threshold(), v.value(), v.capAt(), evidence);
    }

    private static String summary(GradePlan p, Map<String, Schemes.ItemInfo> items) {
        String s = p.summary();
        for (Gap g : p.close()) {
            Schemes.ItemInfo info = g.item() == null ? null : items.get(g.item());
            if (info != null) {
                s = s.replace(g.advice(), Advice.of(g, info));
            }
        }
        for (FiredVeto v : p.blockingVetoes()) {
            Schemes.ItemInfo info = items.get(v.item());
            if (info != null) {
                s = s.replace("：" + v.item() + " = ", "：" + info.name() + " = ");
            }
        }
        return s;
    }

    /** code → {depth, leaf} of every indicator. */
    private static void shapeOf(List<SchemeDoc.Indicator> level, int depth, Map<String, Object[]> shape) {
        if (level == null) return;
        for (SchemeDoc.Indicator d : level) {
            boolean leaf = d.children() == null || d.children().isEmpty();
            shape.put(d.code(), new Object[] {depth, leaf});
            if (!leaf) shapeOf(d.children(), depth + 1, shape);
        }
    }

    /** 小学, 九年一贯制学校, NINE_YEAR … or null when unknown. */
    static SchoolType parseKind(String text) {
        String t = text.trim();
        for (SchoolType s : SchoolType.values()) {
            if (s.name().equalsIgnoreCase(t) || s.label().equals(t)) return s;
        }
        SchoolType s = SchoolType.fromLabel(t);
        return s == SchoolType.OTHER ? null : s;
    }

    private static int count(Problems problems, String field, Integer given, Integer stored) {
        Integer n = given != null ? given : stored;
        if (n == null) return 0;
        if (n < 0 || n > 1_000_000) {
            problems.add(field, "error.range", 0, 1_000_000);
            return 0;
        }
        return n;
    }

    /** A value as typed: number, boolean, numeric text ("28,000"), 是/否; null when empty; NaN when not a number. */
    public static Double number(Object raw) {
        if (raw == null) return null;
        if (raw instanceof Number n) return n.doubleValue();
        if (raw instanceof Boolean b) return b ? 1.0 : 0.0;
        String s = raw.toString().trim().replace(",", "").replace("，", "");
        if (s.isEmpty()) return null;
        switch (s.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "是", "有" -> {
                return 1.0;
            }
            case "false", "no", "否", "无" -> {
                return 0.0;
            }
            default -> {}
        }
        if (s.endsWith("%")) s = s.substring(0, s.length() - 1).trim();
        try {
            double d = Double.parseDouble(s);
            return Double.isFinite(d) ? d : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static Boolean flag(boolean b) {
        return b ? Boolean.TRUE : null;
    }

    private static Double nullIfNaN(double d) {
        return Double.isNaN(d) || Double.isInfinite(d) ? null : round(d);
    }

    static double round(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) return d;
        return BigDecimal.valueOf(d)
                .setScale(4, RoundingMode.HALF_UP)
                .stripTrailingZeros()
                .doubleValue();
    }
}
