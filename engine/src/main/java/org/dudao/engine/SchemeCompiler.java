package org.dudao.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@link SchemeDef} into a {@link CompiledScheme}: validates it, then flattens the tree into
 * parallel arrays (nodes in pre-order, leaves with their rule data) so scoring a unit is one loop
 * over primitives with no maps or boxing.
 */
public final class SchemeCompiler {

    private SchemeCompiler() {}

    /** Compiles with the plain enrolment ratio for apportioning (SPEC §2). */
    public static CompiledScheme compile(SchemeDef def) {
        return compile(def, StageWeights.PLAIN);
    }

    /** @throws InvalidSchemeException carrying every problem when the scheme is invalid */
    public static CompiledScheme compile(SchemeDef def, StageWeights weights) {
        List<SchemeProblem> problems = SchemeValidator.validate(def);
        if (!problems.isEmpty()) {
            throw new InvalidSchemeException(problems);
        }
        Flattener f = new Flattener();
        for (IndicatorDef d : def.indicators()) {
            f.add(d, -1, false);
        }
        List<GradeDef> grades = new ArrayList<>(def.grades());
        grades.sort(Comparator.comparingDouble(GradeDef::min).reversed());
        List<String> gradeNames = grades.stream().map(GradeDef::name).toList();
        for (VetoDef v : def.vetoes()) {
            f.slot(v.when().item());
        }
        return new CompiledScheme(def, weights, f, grades.toArray(GradeDef[]::new), gradeNames);
    }

    /** Collects nodes, leaves and item slots while walking the tree once. */
    static final class Flattener {
        final List<IndicatorDef> nodes = new ArrayList<>();
        final List<Integer> parents = new ArrayList<>();
        final List<Boolean> bonus = new ArrayList<>();
        final List<Integer> leafNodes = new ArrayList<>();
        final Map<String, Integer> slots = new LinkedHashMap<>();
        final List<String> manualCodes = new ArrayList<>();

        private void add(IndicatorDef d, int parent, boolean inBonus) {
            int index = nodes.size();
            boolean isBonus = inBonus || d.bonus();
            nodes.add(d);
            parents.add(parent);
            bonus.add(isBonus);
            if (d.isLeaf()) {
                leafNodes.add(index);
                RuleDef r = d.rule();
                if (r.type() == RuleType.MANUAL) {
                    manualCodes.add(d.code());
                } else {
                    slot(r.item());
                }
            }
            for (IndicatorDef c : d.children()) {
                add(c, index, isBonus);
            }
        }

        int slot(String item) {
            return slots.computeIfAbsent(item, k -> slots.size());
        }
    }
}
