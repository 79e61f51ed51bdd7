package org.dudao.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a scheme before it is compiled or saved, and reports every problem at once (not just the
 * first) so the scheme owner can fix the whole form in one go.
 *
 * <p>Indicator codes must be unique in the whole tree (results and manual scores are keyed by
 * them); indicator names only among siblings, because the same name ("图书") legitimately recurs
 * under different parents.
 */
public final class SchemeValidator {

    /** Points are decimals such as 2.5; sums within this are equal. */
    private static final double POINTS_EPS = 1e-6;

    private final List<SchemeProblem> problems = new ArrayList<>();
    private final Set<String> indicatorCodes = new HashSet<>();

    private SchemeValidator() {}

    public static List<SchemeProblem> validate(SchemeDef scheme) {
        SchemeValidator v = new SchemeValidator();
        v.check(scheme);
        return List.copyOf(v.problems);
    }

    private void check(SchemeDef s) {
        if (blank(s.code())) problem("code", "方案编码不能为空");
        if (blank(s.name())) problem("name", "方案名称不能为空");
        if (!(s.maxScore() > 0)) problem("maxScore", "方案总分必须大于 0，当前为 " + num(s.maxScore()));
        Set<String> gradeNames = checkGrades(s.grades());
        if (s.indicators().isEmpty()) problem("indicators", "方案至少需要一个指标");
        checkLevel("indicators", s.indicators(), false);
        double sum = normalPoints(s.indicators(), false);
        if (!s.indicators().isEmpty() && Math.abs(sum - s.maxScore()) > POINTS_EPS) {
            problem("maxScore", "一级指标分值之和 " + num(sum) + " 不等于方案总分 " + num(s.maxScore()));
        }
        checkVetoes(s.vetoes(), gradeNames);
    }

    private Set<String> checkGrades(List<GradeDef> grades) {
        Set<String> names = new HashSet<>();
        Map<Double, Integer> mins = new HashMap<>();
        if (grades.isEmpty()) problem("grades", "方案至少需要一个等级");
        for (int i = 0; i < grades.size(); i++) {
            GradeDef g = grades.get(i);
            String path = "grades[" + i + "]";
            if (blank(g.name())) {
                problem(path + ".name", "等级名称不能为空");
            } else if (!names.add(g.name())) {
                problem(path + ".name", "等级名称重复：" + g.name());
            }
            if (Double.isNaN(g.min())) {
                problem(path + ".min", "等级下限必须是数字");
            } else {
                Integer other = mins.putIfAbsent(g.min(), i);
                if (other != null) {
                    problem(path + ".min", "等级下限 " + num(g.min()) + " 与 grades[" + other + "] 相同，等级下限必须互不相同");
                }
            }
        }
        return names;
    }

    private void checkLevel(String path, List<IndicatorDef> level, boolean inBonus) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < level.size(); i++) {
            IndicatorDef d = level.get(i);
            String p = path + "[" + i + "]";
            if (blank(d.code())) {
                problem(p + ".code", "指标编码不能为空");
            } else if (!indicatorCodes.add(d.code())) {
                problem(p + ".code", "指标编码重复：" + d.code());
            }
            if (blank(d.name())) {
                problem(p + ".name", "指标名称不能为空");
            } else if (!names.add(d.name())) {
                problem(p + ".name", "同一层级下指标名称重复：" + d.name());
            }
            if (!(d.points() >= 0)) problem(p + ".points", "指标分值不能为负数，当前为 " + num(d.points()));
            boolean bonus = inBonus || d.bonus();
            if (d.isLeaf()) {
                checkRule(p, d, bonus);
            } else {
                if (d.rule() != null) problem(p + ".rule", "非末级指标不能设置评分规则（分值由子指标相加）");
                checkLevel(p + ".children", d.children(), bonus);
                // Inside a bonus branch every child counts; elsewhere bonus children come on top.
                double sum = normalPoints(d.children(), d.bonus() || inBonus);
                if (Math.abs(sum - d.points()) > POINTS_EPS) {
                    problem(p + ".points", "子指标分值之和 " + num(sum) + " 不等于父指标分值 " + num(d.points()));
                }
            }
        }
    }

    private void checkRule(String p, IndicatorDef d, boolean bonus) {
        RuleDef r = d.rule();
        if (r == null) {
            problem(p + ".rule", "末级指标必须设置评分规则");
            return;
        }
        String rp = p + ".rule";
        if (r.type() == null) {
            problem(rp + ".type", "评分规则类型缺失或未知（应为 THRESHOLD、LINEAR、DEDUCTION、MANUAL、BONUS 之一）");
            return;
        }
        if (bonus && r.type() != RuleType.BONUS) {
            problem(rp + ".type", "加分指标必须使用 BONUS 规则，当前为 " + r.type());
        }
        if (r.type() != RuleType.MANUAL && blank(r.item())) {
            problem(rp + ".item", r.type() + " 规则必须指定数据项");
        }
        switch (r.type()) {
            case THRESHOLD -> {
                if (Op.parse(r.op()) == null) {
                    problem(rp + ".op", "未知的比较运算符 '" + r.op() + "'（应为 >=、<=、>、<、== 之一）");
                }
                checkStandard(rp, r);
            }
            case LINEAR -> checkStandard(rp, r);
            case DEDUCTION, BONUS -> {
                if (r.perOccurrence() == null || !(r.perOccurrence() > 0)) {
                    problem(rp + ".perOccurrence", r.type() + " 规则的每次分值必须大于 0");
                }
            }
            case MANUAL -> {}
        }
    }

    private void checkStandard(String rp, RuleDef r) {
        if (r.standard() == null || r.standard().isEmpty()) {
            problem(rp + ".standard", r.type() + " 规则必须设置标准值");
        }
    }

    private void checkVetoes(List<VetoDef> vetoes, Set<String> gradeNames) {
        Set<String> codes = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < vetoes.size(); i++) {
            VetoDef v = vetoes.get(i);
            String p = "vetoes[" + i + "]";
            if (blank(v.code())) {
                problem(p + ".code", "否决项编码不能为空");
            } else if (!codes.add(v.code())) {
                problem(p + ".code", "否决项编码重复：" + v.code());
            }
            if (blank(v.name())) {
                problem(p + ".name", "否决项名称不能为空");
            } else if (!names.add(v.name())) {
                problem(p + ".name", "否决项名称重复：" + v.name());
            }
            if (v.when() == null) {
                problem(p + ".when", "否决项必须设置触发条件");
            } else {
                if (blank(v.when().item())) problem(p + ".when.item", "否决条件必须指定数据项");
                if (Op.parse(v.when().op()) == null) {
                    problem(p + ".when.op", "未知的比较运算符 '" + v.when().op() + "'（应为 >=、<=、>、<、== 之一）");
                }
            }
            if (v.capAt() == null || !gradeNames.contains(v.capAt())) {
                problem(p + ".capAt", "否决项封顶等级 '" + v.capAt() + "' 不是方案中定义的等级");
            }
        }
    }

    /** Points that count towards the parent's maximum: bonus indicators come on top. */
    private static double normalPoints(List<IndicatorDef> level, boolean countBonus) {
        double sum = 0;
        for (IndicatorDef d : level) {
            if (countBonus || !d.bonus()) sum += d.points();
        }
        return sum;
    }

    private void problem(String path, String message) {
        problems.add(new SchemeProblem(path, message));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** 95 rather than 95.0 in messages. */
    static String num(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) return Double.toString(d);
        if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString((long) d);
        return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
