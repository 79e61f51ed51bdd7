package org.dudao.cases.internal;

/** 受理 → 分派 → 处置 → 核查 → 回访 → 办结; a duplicate is 合并 into an earlier case. */
public enum CaseStatus {
    RECEIVED, // 受理
    ASSIGNED, // 分派
    ANSWERED, // 处置 (the unit answered)
    VERIFIED, // 核查
    CALLED_BACK, // 回访
    CLOSED, // 办结
    MERGED; // 合并

    public boolean open() {
        return this != CLOSED && this != MERGED;
    }
}
