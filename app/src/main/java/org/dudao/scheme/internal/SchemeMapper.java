package org.dudao.scheme.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.dudao.engine.Condition;
import org.dudao.engine.GradeDef;
import org.dudao.engine.IndicatorDef;
import org.dudao.engine.RuleDef;
import org.dudao.engine.RuleType;
import org.dudao.engine.SchemeDef;
import org.dudao.engine.SchemeProblem;
import org.dudao.engine.SchemeValidator;
import org.dudao.engine.Standard;
import org.dudao.engine.VetoDef;
import org.dudao.scheme.SchemeDoc;
import org.dudao.shared.Problems;

/**
 * Maps the JSON shape to the engine's definition and back, and checks what only the app knows: the scheme
 * code's format, flat lists (rows naming a parent) that refer to unknown parents or form a cycle, an
 * indicator nested under itself, veto conditions without a value. The engine's
 * {@link SchemeValidator} checks the rest; {@link #problems} returns both, every problem at once.
 */
final class SchemeMapper {

    static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    private SchemeMapper() {}

    /** The tree as the engine sees it, plus the app's own problems (empty when fine). */
    record Mapped(SchemeDef def, SchemeDoc tree, List<SchemeDoc.Problem> problems) {}

    /** Every problem of {@code doc}: the app's checks and the engine validator's. */
    static Mapped check(SchemeDoc doc) {
        List<SchemeDoc.Problem> problems = new ArrayList<>();
        if (doc.code() != null
                && !doc.code().isBlank()
                && !CODE.matcher(doc.code().trim()).matches()) {
            problems.add(new SchemeDoc.Problem("code", "方案编码只能包含字母、数字、下划线、点和连字符，且不超过 64 个字符"));
        }
        checkName("name", "方案名称", doc.name(), 200, problems);
        if (doc.note() != null && doc.note().trim().length() > 500) {
            problems.add(new SchemeDoc.Problem("note", "版本说明不能超过 500 个字符"));
        }
        SchemeDoc tree = treeOf(doc, problems);
        checkGrades(doc.grades(), doc.maxScore(), bonusPoints(tree.indicators()), problems);
        checkNesting("indicators", tree.indicators(), new HashSet<>(), problems);
        List<SchemeDoc.Veto> vetoes = tree.vetoes() == null ? List.of() : tree.vetoes();
        for (int i = 0; i < vetoes.size(); i++) {
            SchemeDoc.Veto v = vetoes.get(i);
            if (v != null && v.when() != null && v.when().value() == null) {
                problems.add(new SchemeDoc.Problem("vetoes[" + i + "].when.value", "否决条件必须设置比较值"));
            }
        }
        SchemeDef def = toDef(tree);
        for (SchemeProblem p : SchemeValidator.validate(def)) {
            problems.add(new SchemeDoc.Problem(p.path(), p.message()));
        }
        return new Mapped(def, tree, List.copyOf(problems));
    }

    // ---- flat lists → tree ---------------------------------------------------------------------------------

    /** A flat list (entries naming their parent) becomes a tree; a nested doc is returned as it is. */
    static SchemeDoc treeOf(SchemeDoc doc, List<SchemeDoc.Problem> problems) {
        List<SchemeDoc.Indicator> list = doc.indicators() == null ? List.of() : doc.indicators();
        boolean flat = list.stream()
                .anyMatch(i -> i != null && i.parent() != null && !i.parent().isBlank());
        if (!flat) {
            return doc;
        }
        Map<String, Integer> indexByCode = indexByCode(list);
        Map<Integer, List<Integer>> children = new LinkedHashMap<>();
        List<Integer> roots = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            SchemeDoc.Indicator d = list.get(i);
            if (d == null) continue;
            String parent = d.parent() == null ? "" : d.parent().trim();
            if (parent.isEmpty()) {
                roots.add(i);
                continue;
            }
            Integer p = indexByCode.get(parent);
            if (p == null) {
                problems.add(new SchemeDoc.Problem("indicators[" + i + "].parent", "上级指标 " + parent + " 不存在"));
                continue;
            }
            if (p == i) {
                problems.add(
                        new SchemeDoc.Problem("indicators[" + i + "].parent", "指标 " + d.code() + " 不能以自身为上级（循环引用）"));
                continue;
            }
            children.computeIfAbsent(p, k -> new ArrayList<>()).add(i);
        }
        // Rows on a parent cycle are never reached from a root.
        Set<Integer> reached = new HashSet<>();
        List<SchemeDoc.Indicator> tree = new ArrayList<>();
        for (int r : roots) {
            tree.add(build(list, r, children, reached));
        }
        reportCycles(list, reached, indexByCode, problems);
        return new SchemeDoc(
                doc.code(),
                doc.name(),
                doc.maxScore(),
                doc.grades(),
                tree,
                doc.vetoes(),
                doc.version(),
                doc.orgUnit(),
                doc.orgUnitName(),
                doc.locked(),
                doc.note(),
                doc.warnings());
    }

    /** The index of the first entry with each code. */
    private static Map<String, Integer> indexByCode(List<SchemeDoc.Indicator> list) {
        Map<String, Integer> indexByCode = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            SchemeDoc.Indicator d = list.get(i);
            if (d != null && d.code() != null) {
                indexByCode.putIfAbsent(d.code().trim(), i);
            }
        }
        return indexByCode;
    }

    /** Entries with a known parent that were never reached from a root sit on a parent cycle. */
    private static void reportCycles(
            List<SchemeDoc.Indicator> list,
            Set<Integer> reached,
            Map<String, Integer> indexByCode,
            List<SchemeDoc.Problem> problems) {
        for (int i = 0; i < list.size(); i++) {
            SchemeDoc.Indicator d = list.get(i);
            if (d != null
                    && !reached.contains(i)
                    && indexByCode.containsKey(
                            d.parent() == null ? "" : d.parent().trim())
                    && indexByCode.get(d.parent().trim()) != i) {
                problems.add(new SchemeDoc.Problem(
                        "indicators[" + i + "].parent",
                        "指标 " + d.code() + " 的上级关系构成循环引用（" + d.code() + " → "
                                + d.parent().trim() + " → …）"));
            }
        }
    }

    private static SchemeDoc.Indicator build(
            List<SchemeDoc.Indicator> list, int i, Map<Integer, List<Integer>> children, Set<Integer> reached) {
        reached.add(i);
        SchemeDoc.Indicator d = list.get(i);
        List<SchemeDoc.Indicator> kids = new ArrayList<>();
        for (int c : children.getOrDefault(i, List.of())) {
            if (!reached.contains(c)) {
                kids.add(build(list, c, children, reached));
            }
        }
        return new SchemeDoc.Indicator(
                d.code(),
                d.name(),
                d.points(),
                d.bonus(),
                kids.isEmpty() ? d.rule() : null,
                kids.isEmpty() ? null : kids,
                null);
    }

    /**
     * Grade names are short; a grade's minimum lies between 0 and the highest total the scheme can give (its
     * maximum plus the bonus points on top): {@code 1e308} is a typing accident, not a band.
     */
    private static void checkGrades(
            List<SchemeDoc.Grade> grades, Double maxScore, double bonus, List<SchemeDoc.Problem> problems) {
        if (grades == null) return;
        for (int i = 0; i < grades.size(); i++) {
            SchemeDoc.Grade g = grades.get(i);
            if (g == null) continue;
            checkName("grades[" + i + "].name", "等级名称", g.name(), 50, problems);
            if (g.min() != null && maxScore != null && maxScore > 0 && (g.min() < 0 || g.min() > maxScore + bonus)) {
                problems.add(new SchemeDoc.Problem(
                        "grades[" + i + "].min",
                        "等级下限 " + plain(g.min()) + " 应在 0 到最高可得分 " + plain(maxScore + bonus) + " 之间"));
            }
        }
    }

    /** Points of bonus branches, which come on top of the maximum (a bonus branch's own children count once). */
    private static double bonusPoints(List<SchemeDoc.Indicator> level) {
        double sum = 0;
        for (SchemeDoc.Indicator d : level == null ? List.<SchemeDoc.Indicator>of() : level) {
            if (d == null) continue;
            if (d.isBonus()) {
                sum += d.points() == null || !Double.isFinite(d.points()) ? 0 : Math.max(0, d.points());
            } else {
                sum += bonusPoints(d.children());
            }
        }
        return sum;
    }

    private static String plain(double d) {
        return Double.isFinite(d) && Math.abs(d) < 1e15
                ? java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString()
                : Double.toString(d);
    }

    /** Names are one line of readable text: no control characters, no direction overrides, bounded length. */
    private static void checkName(String field, String what, String name, int max, List<SchemeDoc.Problem> problems) {
        if (name == null) return;
        if (name.chars().anyMatch(c -> c < 0x20 || Problems.unsafe(c))) {
            problems.add(new SchemeDoc.Problem(field, what + "不能包含控制字符"));
        } else if (name.trim().length() > max) {
            problems.add(new SchemeDoc.Problem(field, what + "不能超过 " + max + " 个字符"));
        }
    }

    /** An indicator whose code equals one of its ancestors' would make the tree refer to itself. */
    private static void checkNesting(
            String path, List<SchemeDoc.Indicator> level, Set<String> ancestors, List<SchemeDoc.Problem> problems) {
        if (level == null) return;
        for (int i = 0; i < level.size(); i++) {
            SchemeDoc.Indicator d = level.get(i);
            if (d == null) continue;
            String p = path + "[" + i + "]";
            checkName(p + ".name", "指标名称", d.name(), 200, problems);
            String code = d.code() == null ? null : d.code().trim();
            if (code != null && ancestors.contains(code)) {
                problems.add(new SchemeDoc.Problem(p + ".code", "指标 " + code + " 不能作为自身的下级（循环引用）"));
            }
            if (d.children() != null && !d.children().isEmpty()) {
                if (code != null) ancestors.add(code);
                checkNesting(p + ".children", d.children(), ancestors, problems);
                if (code != null) ancestors.remove(code);
            }
        }
    }

    // ---- doc ↔ engine -------------------------------------------------------------------------------------

    static SchemeDef toDef(SchemeDoc doc) {
        List<GradeDef> grades = new ArrayList<>();
        if (doc.grades() != null) {
            for (SchemeDoc.Grade g : doc.grades()) {
                if (g == null) {
                    grades.add(new GradeDef(null, Double.NaN, false));
                } else {
                    grades.add(new GradeDef(trim(g.name()), num(g.min()), Boolean.TRUE.equals(g.minExclusive())));
                }
            }
        }
        List<VetoDef> vetoes = new ArrayList<>();
        if (doc.vetoes() != null) {
            for (SchemeDoc.Veto v : doc.vetoes()) {
                if (v == null) {
                    vetoes.add(new VetoDef(null, null, null, null));
                    continue;
                }
                SchemeDoc.Condition w = v.when();
                vetoes.add(new VetoDef(
                        trim(v.code()),
                        trim(v.name()),
                        w == null ? null : new Condition(trim(w.item()), trim(w.op()), num(w.value())),
                        trim(v.capAt())));
            }
        }
        return new SchemeDef(
                trim(doc.code()), trim(doc.name()), num(doc.maxScore()), grades, indicators(doc.indicators()), vetoes);
    }

    private static List<IndicatorDef> indicators(List<SchemeDoc.Indicator> list) {
        List<IndicatorDef> defs = new ArrayList<>();
        if (list == null) return defs;
        for (SchemeDoc.Indicator d : list) {
            if (d == null) {
                defs.add(new IndicatorDef(null, null, Double.NaN, false, null, List.of()));
                continue;
            }
            defs.add(new IndicatorDef(
                    trim(d.code()),
                    trim(d.name()),
                    num(d.points()),
                    d.isBonus(),
                    rule(d.rule()),
                    indicators(d.children())));
        }
        return defs;
    }

    private static RuleDef rule(SchemeDoc.Rule r) {
        if (r == null) return null;
        RuleType type = ruleType(r.type());
        Standard standard = r.standard() == null
                ? null
                : new Standard(
                        r.standard().primary(),
                        r.standard().junior(),
                        r.standard().senior());
        return new RuleDef(
                type, trim(r.item()), trim(r.op()), standard, Boolean.TRUE.equals(r.perPupil()), r.perOccurrence());
    }

    static RuleType ruleType(String text) {
        if (text == null) return null;
        try {
            return RuleType.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static SchemeDoc toDoc(SchemeDef def) {
        List<SchemeDoc.Grade> grades = def.grades().stream()
                .map(g -> new SchemeDoc.Grade(g.name(), g.min(), g.minExclusive() ? Boolean.TRUE : null))
                .toList();
        List<SchemeDoc.Veto> vetoes = def.vetoes().stream()
                .map(v -> new SchemeDoc.Veto(
                        v.code(),
                        v.name(),
                        new SchemeDoc.Condition(
                                v.when().item(), v.when().op(), v.when().value()),
                        v.capAt()))
                .toList();
        return new SchemeDoc(
                def.code(),
                def.name(),
                def.maxScore(),
                grades,
                docs(def.indicators()),
                vetoes,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    private static List<SchemeDoc.Indicator> docs(List<IndicatorDef> defs) {
        return defs.stream()
                .map(d -> new SchemeDoc.Indicator(
                        d.code(),
                        d.name(),
                        d.points(),
                        d.bonus() ? Boolean.TRUE : null,
                        d.isLeaf() ? ruleDoc(d.rule()) : null,
                        d.isLeaf() ? null : docs(d.children()),
                        null))
                .toList();
    }

    private static SchemeDoc.Rule ruleDoc(RuleDef r) {
        if (r == null) return null;
        Standard s = r.standard();
        boolean needsStandard = r.type() == RuleType.THRESHOLD || r.type() == RuleType.LINEAR;
        return new SchemeDoc.Rule(
                r.type().name(),
                r.item(),
                r.type() == RuleType.THRESHOLD ? r.op() : null,
                needsStandard && s != null ? new SchemeDoc.Standard(s.primary(), s.junior(), s.senior()) : null,
                needsStandard && r.perPupil() ? Boolean.TRUE : null,
                r.type() == RuleType.DEDUCTION || r.type() == RuleType.BONUS ? r.perOccurrence() : null);
    }

    /** Walks every leaf rule item and veto item with its JSON path. */
    static void forEachItem(SchemeDoc tree, java.util.function.BiConsumer<String, String> pathAndItem) {
        walkItems("indicators", tree.indicators(), pathAndItem);
        List<SchemeDoc.Veto> vetoes = tree.vetoes() == null ? List.of() : tree.vetoes();
        for (int i = 0; i < vetoes.size(); i++) {
            SchemeDoc.Veto v = vetoes.get(i);
            if (v != null
                    && v.when() != null
                    && v.when().item() != null
                    && !v.when().item().isBlank()) {
                pathAndItem.accept(
                        "vetoes[" + i + "].when.item", v.when().item().trim());
            }
        }
    }

    private static void walkItems(
            String path, List<SchemeDoc.Indicator> level, java.util.function.BiConsumer<String, String> pathAndItem) {
        if (level == null) return;
        for (int i = 0; i < level.size(); i++) {
            SchemeDoc.Indicator d = level.get(i);
            if (d == null) continue;
            String p = path + "[" + i + "]";
            if (d.children() != null && !d.children().isEmpty()) {
                walkItems(p + ".children", d.children(), pathAndItem);
            } else if (d.rule() != null
                    && d.rule().item() != null
                    && !d.rule().item().isBlank()
                    && ruleType(d.rule().type()) != RuleType.MANUAL) {
                pathAndItem.accept(p + ".rule.item", d.rule().item().trim());
            }
        }
    }

    private static double num(Double d) {
        return d == null ? Double.NaN : d;
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }
}
