package org.dudao.cases.internal;

/** Where a case came from (SPEC §8, issue 15). */
public enum Channel {
    HOTLINE, // 12345 热线
    CITY_GRID, // 数字城管 监督员上报
    PETITION, // 信访
    ONLINE, // 网上投诉
    INSPECTOR, // 督学发现
    VISIT, // 民情走访
    PLAQUE // 挂牌督导公示牌
}
