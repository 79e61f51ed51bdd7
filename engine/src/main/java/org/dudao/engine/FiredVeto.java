package org.dudao.engine;

/** A veto that applied, with its evidence: the item and the value that triggered it. */
public record FiredVeto(
        String code, String name, String item, String op, double threshold, double value, String capAt) {

    /** E.g. "D级危房占比 16.21 > 3，等级封顶为 合格县". */
    public String evidence() {
        return name + "：" + item + " = " + SchemeValidator.num(value) + " " + op + " " + SchemeValidator.num(threshold)
                + "，等级封顶为 " + capAt;
    }
}
