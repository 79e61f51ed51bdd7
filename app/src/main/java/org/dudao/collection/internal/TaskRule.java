package org.dudao.collection.internal;

import jakarta.persistence.Embeddable;

/**
 * A cross-field rule of a form: {@code leftItem op sum(rightItems)}, e.g. 辍学人数 ≤ 在校生数 or
 * D级危房面积 ≤ 校舍总面积. {@code rightItems} is a comma-separated list of item codes.
 */
@Embeddable
public class TaskRule {

    private String leftItem;
    private String op;
    private String rightItems;
    private String message;

    protected TaskRule() {}

    TaskRule(String leftItem, String op, String rightItems, String message) {
        this.leftItem = leftItem;
        this.op = op;
        this.rightItems = rightItems;
        this.message = message;
    }

    public String getLeftItem() {
        return leftItem;
    }

    public String getOp() {
        return op;
    }

    public String getRightItems() {
        return rightItems;
    }

    public String getMessage() {
        return message;
    }

    public java.util.List<String> rightCodes() {
        return java.util.Arrays.stream(rightItems.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
