package org.dudao.balance.internal;

import java.util.Arrays;
import java.util.Optional;

/**
 * The eight indicators of SPEC §4 (八项指标), each the stored resource item over the stage's pupils; the code is the
 * resource's data item code. The five resources are split between the stages of a combined school by the
 * configured weights; teachers (not a shared resource in the source) by the plain enrolment ratio. The teacher
 * indicators are shown per hundred pupils (their CV is the same per pupil).
 */
public enum Indicator {
    TEACHING_ROOM("teaching_room_area", "生均教学及辅助用房面积", "平方米", 1, true, false),
    SPORTS("sports_area", "生均体育运动场馆面积", "平方米", 1, true, false),
    EQUIPMENT("equipment_value", "生均教学仪器设备值", "元", 1, true, false),
    COMPUTERS("computers", "每百名学生拥有计算机台数", "台", 100, true, true),
    BOOKS("books", "生均图书册数", "册", 1, true, true),
    TEACHERS("teachers", "师生比", "人", 100, false, true),
    TEACHERS_DEGREE("teachers_above_degree", "生均高于规定学历教师数", "人", 100, false, true),
    TEACHERS_TITLE("teachers_senior_title", "生均中级及以上专业技术职务教师数", "人", 100, false, true);

    private final String code;
    private final String label;
    private final String unit;
    private final double scale;
    private final boolean weighted;
    private final boolean whole;

    Indicator(String code, String label, String unit, double scale, boolean weighted, boolean whole) {
        this.code = code;
        this.label = label;
        this.unit = unit;
        this.scale = scale;
        this.weighted = weighted;
        this.whole = whole;
    }

    /** The resource's data item code, also the indicator's code in the API. */
    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** The unit of the resource (a what-if budget is given in it). */
    public String unit() {
        return unit;
    }

    /** Per pupil times this (100: per hundred pupils). */
    public double scale() {
        return scale;
    }

    /** Split between stages by the configured weights (the five resources), otherwise by plain enrolment. */
    public boolean weighted() {
        return weighted;
    }

    /** Counted in whole units (books, computers, teachers). */
    public boolean whole() {
        return whole;
    }

    public static Optional<Indicator> parse(String code) {
        return code == null
                ? Optional.empty()
                : Arrays.stream(values())
                        .filter(i -> i.code.equals(code.trim()))
                        .findFirst();
    }
}
