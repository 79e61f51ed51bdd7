package org.dudao.collection.internal;

import java.util.EnumSet;
import java.util.Set;

/** A unit's status in a collection task. */
public enum AssignmentStatus {
    NOT_STARTED, // 未填报
    IN_PROGRESS, // 填报中
    SUBMITTED, // 已提交
    APPROVED, // 已审核
    RETURNED; // 退回修改

    /** Statuses in which the unit's data for the task is locked. */
    public static final Set<AssignmentStatus> LOCKED = EnumSet.of(SUBMITTED, APPROVED);

    public boolean editable() {
        return !LOCKED.contains(this);
    }

    public String messageKey() {
        return "collection.status." + name();
    }
}
