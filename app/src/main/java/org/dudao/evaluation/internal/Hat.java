package org.dudao.evaluation.internal;

import org.dudao.evaluation.Phase;

/**
 * The capacity in which a user acts on one unit's file, derived from where their role grants sit relative to
 * the unit (see {@link Hats}).
 */
public enum Hat {
    SCHOOL_CLERK, // 学校（被评单位）填报员
    SCHOOL_HEAD, // 学校负责人（签署自评申请）；被评的县、乡镇、部门：其督导室或负责人
    TOWNSHIP, // 乡镇（提交乡镇申请报告；党支部：乡镇党委审核）
    COUNTY_OWNER, // 县督导室：项目管理、初评汇总与认定
    COUNTY_LEADER, // 县级专家组组长
    CITY_OWNER, // 市督导室：复核管理
    CITY_LEADER, // 市级专家组组长
    PROVINCE_OWNER, // 省督导室：省级审核
    PROVINCE_LEADER, // 省级专家组组长
    COUNTY_BODY, // 县级领导小组（批准小学）
    CITY_BODY, // 市级领导小组（批准初中、九年一贯制、完全中学）
    PROVINCE_BODY; // 省级领导小组（批准先进县等）

    /** The office that manages a review level (its owner). */
    public static Hat owner(Phase level) {
        return valueOf(level.name() + "_OWNER");
    }

    /** The expert group leader of a review level. */
    public static Hat leader(Phase level) {
        return valueOf(level.name() + "_LEADER");
    }

    /** The leading group that approves at a level. */
    public static Hat body(Phase level) {
        return valueOf(level.name() + "_BODY");
    }
}
