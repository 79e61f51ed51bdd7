package org.dudao.engine;

import java.util.List;

/**
 * An evaluation scheme (评估方案) as defined by its owner; mirrors the JSON the app accepts. Check it
 * with {@link SchemeValidator}, then {@link SchemeCompiler#compile compile} it once to score units.
 */
public record SchemeDef(
        String code,
        String name,
        double maxScore,
        List<GradeDef> grades,
        List<IndicatorDef> indicators,
        List<VetoDef> vetoes) {

    public SchemeDef {
        grades = grades == null ? List.of() : List.copyOf(grades);
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
        vetoes = vetoes == null ? List.of() : List.copyOf(vetoes);
    }
}
