package org.dudao.rectification.internal;

/** 待制定方案 → 整改中 → 待复核 → 已销号; 逾期 is shown when the deadline passed before 销号. */
public enum ItemStatus {
    PLANNING,
    IN_PROGRESS,
    REVIEW,
    CLOSED
}
