package org.dudao.evaluation;

/**
 * The phase an evaluation file is in (not 学段, the stage of schooling). COUNTY, CITY and PROVINCE are also the
 * review levels of a project's chain (初评, 复核, 省级审核). The names are persisted and shown in the API as "stage".
 */
public enum Phase {
    SELF, // 学校自评
    COUNTY, // 县级初评
    CITY, // 市级复核
    PROVINCE, // 省级审核
    APPROVAL, // 认定（公示、批准）
    CERTIFIED, // 已授牌
    RESULT // 未达标，结果确定（转整改）
}
