package org.dudao.scheme;

import org.dudao.engine.Gap;

/** The engine's gap advice in the unit's words, wherever it is shown: what-if, rectification items, notices. */
public final class Advice {

    private Advice() {}

    /**
     * The engine's advice in the unit's words: the item's name and unit instead of its code, e.g.
     * "还需增加图书册数 1,000 册，生均达到 29".
     */
    public static String of(Gap g, Schemes.ItemInfo info) {
        String advice = g.advice();
        if (info == null || g.item() == null || g.advice() == null) {
            return advice;
        }
        String tag = "（" + g.item() + "）";
        int at = advice.indexOf(tag);
        boolean quantitative =
                g.rule().name().equals("THRESHOLD") || g.rule().name().equals("LINEAR");
        if (quantitative && !Double.isNaN(g.current()) && at > 0 && advice.startsWith("还需增加 ")
                || quantitative && !Double.isNaN(g.current()) && at > 0 && advice.startsWith("需减少 ")) {
            String verb = advice.startsWith("还需增加 ") ? "还需增加" : "需减少";
            String amount = advice.substring(advice.indexOf(' ') + 1, at);
            if ("INTEGER".equals(info.valueType()) && g.additional() > 0) {
                // whole things (computers, books, teachers) are added whole: 0.68 台 means 1 台
                amount = String.format("%,d", (long) Math.ceil(g.additional() - 1e-9));
            }
            String unit = info.unit() == null || info.unit().isBlank() ? "" : " " + info.unit();
            return verb + info.name() + " " + amount + unit + advice.substring(at + tag.length());
        }
        return advice.replace(tag, "（" + info.name() + "）")
                .replace("缺少数据项 " + g.item(), "缺少数据项 " + info.name() + "（" + g.item() + "）");
    }
}
