/**
 * Reports (统计报表): the dashboard of a township, county or city for a year — evaluation files by stage and
 * status, grades, quota plan against plaques awarded, vetoes fired, open rectification items by age, a breakdown
 * per subordinate unit — and the 目标考核 table of the townships of a county (or the counties of a city) with
 * its editable targets and weights, each exportable to Excel. It only reads other features, through
 * {@link org.dudao.evaluation.EvaluationStats}, {@link org.dudao.rectification.RectificationStats},
 * {@link org.dudao.cases.CaseCriticisms} (通报批评 of cases cost points in the 目标考核) and, for a county's schools
 * not visited last month, {@link org.dudao.inspection.Calendars} (the demo data also moves files and items through
 * their services). No other feature uses it, so it publishes nothing: everything sits in {@code internal},
 * {@code web} and {@code api}.
 */
@ApplicationModule(
        allowedDependencies = {"shared", "audit", "org", "evaluation", "rectification", "inspection", "cases"})
package org.dudao.report;

import org.springframework.modulith.ApplicationModule;
