package org.dudao.evaluation.internal;

/**
 * The capacity in which a user acts on one school's file, derived from where their role grants sit relative to
 * the school (see {@link Hats}).
 */
public enum Hat {
    SCHOOL_CLERK, // 学校填报员
    SCHOOL_HEAD, // 学校负责人（签署自评申请）
    TOWNSHIP, // 乡镇（提交乡镇申请报告）
    COUNTY_OWNER, // 县督导室：项目管理、初评汇总与认定
    COUNTY_LEADER, // 县级专家组组长
    CITY_OWNER, // 市督导室：复核管理
    CITY_LEADER, // 市级专家组组长
    COUNTY_BODY, // 县级领导小组（批准小学）
    CITY_BODY // 市级领导小组（批准初中、九年一贯制、完全中学）
}
