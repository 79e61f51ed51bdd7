package org.dudao.engine;

/** Kind of unit, which decides the stage standards and enrolment a unit is scored with. */
public enum SchoolType {
    PRIMARY("小学"),
    JUNIOR("初中"),
    NINE_YEAR("九年一贯制学校"),
    COMPLETE_SECONDARY("完全中学"),
    SENIOR("高中"),
    TWELVE_YEAR("十二年一贯制学校"),
    VOCATIONAL("职高"),
    KINDERGARTEN("幼儿园"),
    OTHER("其他");

    private final String label;

    SchoolType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The type for a Chinese label as found in source data; tolerates the short forms 九年一贯制 etc. */
    public static SchoolType fromLabel(String chinese) {
        if (chinese == null) {
            return OTHER;
        }
        String s = chinese.strip();
        for (SchoolType t : values()) {
            if (t.label.equals(s)) {
                return t;
            }
        }
        if (s.startsWith("九年一贯制")) return NINE_YEAR;
        if (s.startsWith("十二年一贯制")) return TWELVE_YEAR;
        if (s.equals("完中")) return COMPLETE_SECONDARY;
        if (s.equals("高级中学") || s.equals("普通高中")) return SENIOR;
        if (s.startsWith("职业高中") || s.equals("中职")) return VOCATIONAL;
        return OTHER;
    }
}
