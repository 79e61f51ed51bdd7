package org.dudao.scheme.web;

import java.util.ArrayList;
import java.util.List;
import org.dudao.scheme.SchemeDoc;

/** One indicator of a scheme as a table row of the read-only tree, in pre-order. */
record TreeRow(
        String code,
        String name,
        int depth,
        double points,
        boolean bonus,
        boolean leaf,
        String ruleType,
        String item,
        String op,
        SchemeDoc.Standard standard,
        boolean perPupil,
        Double perOccurrence) {

    static List<TreeRow> of(SchemeDoc doc) {
        List<TreeRow> rows = new ArrayList<>();
        add(rows, doc.indicators(), 0, false);
        return rows;
    }

    private static void add(List<TreeRow> rows, List<SchemeDoc.Indicator> level, int depth, boolean inBonus) {
        if (level == null) return;
        for (SchemeDoc.Indicator d : level) {
            boolean leaf = d.children() == null || d.children().isEmpty();
            SchemeDoc.Rule r = leaf ? d.rule() : null;
            rows.add(new TreeRow(
                    d.code(),
                    d.name(),
                    depth,
                    d.points() == null ? 0 : d.points(),
                    inBonus || d.isBonus(),
                    leaf,
                    r == null ? null : r.type(),
                    r == null ? null : r.item(),
                    r == null ? null : r.op(),
                    r == null ? null : r.standard(),
                    r != null && Boolean.TRUE.equals(r.perPupil()),
                    r == null ? null : r.perOccurrence()));
            if (!leaf) add(rows, d.children(), depth + 1, inBonus || d.isBonus());
        }
    }

    /** The standard as text: "25" or "小学 25 / 初中 35" style parts for the template. */
    public boolean uniformStandard() {
        return standard != null && standard.uniform();
    }
}
