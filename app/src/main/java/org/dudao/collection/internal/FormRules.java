package org.dudao.collection.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dudao.data.DataItem;
import org.dudao.data.ItemValues;
import org.dudao.shared.FieldProblem;

/**
 * The cross-field rules of a form (辍学人数 ≤ 在校生数, D级危房面积 ≤ 校舍总面积): {@code left op sum(right)}.
 * A rule whose values are not all present is not checked (required items catch missing values).
 */
final class FormRules {

    private FormRules() {}

    static List<FieldProblem> violations(
            List<TaskRule> rules, Map<String, DataItem> items, Map<String, BigDecimal> values) {
        List<FieldProblem> problems = new ArrayList<>();
        for (TaskRule rule : rules) {
            BigDecimal left = values.get(rule.getLeftItem());
            if (left == null || rule.rightCodes().stream().anyMatch(c -> values.get(c) == null)) {
                continue;
            }
            BigDecimal right = rule.rightCodes().stream().map(values::get).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (!holds(left.compareTo(right), rule.getOp())) {
                String rightNames = String.join(
                        " + ",
                        rule.rightCodes().stream()
                                .map(c -> items.get(c).getName())
                                .toList());
                if (rule.getMessage() != null) {
                    problems.add(new FieldProblem(rule.getLeftItem(), rule.getMessage()));
                } else {
                    problems.add(new FieldProblem(
                            rule.getLeftItem(),
                            "collection.rule." + opKey(rule.getOp()),
                            items.get(rule.getLeftItem()).getName(),
                            ItemValues.plain(left),
                            rightNames,
                            ItemValues.plain(right)));
                }
            }
        }
        return problems;
    }

    static boolean holds(int cmp, String op) {
        return switch (op) {
            case "<=" -> cmp <= 0;
            case "<" -> cmp < 0;
            case ">=" -> cmp >= 0;
            case ">" -> cmp > 0;
            default -> cmp == 0;
        };
    }

    static String opKey(String op) {
        return switch (op) {
            case "<=" -> "le";
            case "<" -> "lt";
            case ">=" -> "ge";
            case ">" -> "gt";
            default -> "eq";
        };
    }
}
