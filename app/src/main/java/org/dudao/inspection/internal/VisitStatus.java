package org.dudao.inspection.internal;

/**
 * Where a visit stands in the seven steps (七步法): planned (申报备案, 团队分工, 制定方案, 准备工具), checked in at the
 * school (收集信息, 现场评估: findings are recorded), reported with feedback (形成报告并反馈), acknowledged by the head.
 */
public enum VisitStatus {
    PLANNED,
    CHECKED_IN,
    REPORTED,
    ACKNOWLEDGED
}
