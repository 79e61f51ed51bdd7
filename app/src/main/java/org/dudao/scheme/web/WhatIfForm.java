package org.dudao.scheme.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.dudao.scheme.SchemeDoc;
import org.dudao.scheme.internal.SchemeScoring;
import org.dudao.scheme.internal.WhatIfRequest;
import org.springframework.util.MultiValueMap;

/**
 * The what-if form as typed: texts, so a bad number goes back to the user as typed. Item values are posted as
 * {@code v_<item>}, expert scores as {@code ms_<indicator>} and reasons as {@code mr_<indicator>}.
 */
public class WhatIfForm {

    public String unit;
    public String unitName;
    public String period;
    public String kind;
    public String primary;
    public String junior;
    public String senior;
    public final Map<String, String> values = new LinkedHashMap<>();
    public final Map<String, String> manualScores = new LinkedHashMap<>();
    public final Map<String, String> manualReasons = new LinkedHashMap<>();

    public String getUnit() {
        return unit;
    }

    public String getUnitName() {
        return unitName;
    }

    public String getPeriod() {
        return period;
    }

    public String getKind() {
        return kind;
    }

    public String getPrimary() {
        return primary;
    }

    public String getJunior() {
        return junior;
    }

    public String getSenior() {
        return senior;
    }

    public Map<String, String> getValues() {
        return values;
    }

    public Map<String, String> getManualScores() {
        return manualScores;
    }

    public Map<String, String> getManualReasons() {
        return manualReasons;
    }

    /** Empty values; expert-scored indicators at full points (an estimate the user lowers). */
    static WhatIfForm blank(SchemeDoc doc) {
        WhatIfForm f = new WhatIfForm();
        for (TreeRow r : TreeRow.of(doc)) {
            if ("MANUAL".equals(r.ruleType())) f.manualScores.put(r.code(), num(r.points()));
        }
        return f;
    }

    static WhatIfForm of(SchemeDoc doc, SchemeScoring.Prefill p) {
        WhatIfForm f = blank(doc);
        f.unit = p.unit();
        f.unitName = p.unitName();
        f.period = p.period();
        f.kind = p.kind();
        f.primary =
                p.enrolment().primary() == null ? null : p.enrolment().primary().toString();
        f.junior =
                p.enrolment().junior() == null ? null : p.enrolment().junior().toString();
        f.senior =
                p.enrolment().senior() == null ? null : p.enrolment().senior().toString();
        p.values().forEach((k, v) -> f.values.put(k, num(v)));
        return f;
    }

    static WhatIfForm from(SchemeDoc doc, MultiValueMap<String, String> params) {
        WhatIfForm f = new WhatIfForm();
        f.unit = params.getFirst("unit");
        f.unitName = params.getFirst("unitName");
        f.period = params.getFirst("period");
        f.kind = params.getFirst("kind");
        f.primary = params.getFirst("primary");
        f.junior = params.getFirst("junior");
        f.senior = params.getFirst("senior");
        params.forEach((name, list) -> {
            String v = list.isEmpty() ? null : list.get(0);
            if (name.startsWith("v_")) f.values.put(name.substring(2), v);
            if (name.startsWith("ms_")) f.manualScores.put(name.substring(3), v);
            if (name.startsWith("mr_")) f.manualReasons.put(name.substring(3), v);
        });
        return f;
    }

    /** Only what the form holds: stored values were copied into it when the unit was loaded. */
    WhatIfRequest toRequest() {
        Map<String, Object> vals = new LinkedHashMap<>(values);
        Map<String, WhatIfRequest.Manual> manual = new LinkedHashMap<>();
        manualScores.forEach((code, s) -> {
            Double d = SchemeScoring.number(s);
            if (d != null && !d.isNaN()) manual.put(code, new WhatIfRequest.Manual(d, manualReasons.get(code)));
        });
        return new WhatIfRequest(
                blank(kind) ? null : kind,
                new WhatIfRequest.Enrolment(integer(primary), integer(junior), integer(senior)),
                vals,
                manual,
                null,
                null);
    }

    private static Integer integer(String s) {
        if (blank(s)) return 0;
        try {
            return Integer.valueOf(s.trim().replace(",", ""));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static String num(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15
                ? String.valueOf((long) d)
                : java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
