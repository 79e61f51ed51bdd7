package org.dudao.rectification.internal;

/** Rungs of the escalation ladder of an overdue item, mildest first (SPEC §6). */
public enum EscalationLevel {
    /** 提醒 (催办): the unit is reminded. */
    REMINDER,
    /** 通报批评. */
    CRITICISM,
    /** 挂牌督办. */
    SUPERVISED,
    /** 约谈/诫勉谈话. */
    INTERVIEW
}
