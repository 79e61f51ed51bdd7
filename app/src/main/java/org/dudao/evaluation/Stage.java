package org.dudao.evaluation;

/** The level an evaluation file sits at. */
public enum Stage {
    SELF, // 学校自评
    COUNTY, // 县级初评
    CITY, // 市级复核
    APPROVAL, // 认定（公示、批准）
    CERTIFIED, // 已授牌
    RESULT // 未达标，结果确定（转整改）
}
