/**
 * Responsibility inspectors (责任督学挂牌督导, SPEC §7): the office's {@code Inspector}s with certificate and term,
 * 督学责任区 ({@code Zone}) giving every school one responsible inspector with the history of who covered it when,
 * the public 挂牌 page of each school with its QR code and printable plaque, messages the public leaves there, and
 * visits following the seven steps (七步法) whose findings may open rectification items (source
 * {@code INSPECTION}), the monthly work calendar (工作月历), numbered 督导简报, the inspector's duties — 销号 of their
 * findings' items, 一月一小结 / 半年一总结 due by a working day ({@code calendar}'s {@code WorkingDays}) and the
 * workload report — and 专项督查 / 回头看 over a set of schools (交叉督导 assignments, re-checks and 摘牌, the plaque's
 * revocation, kept here with the plaque page; plaque holders are read from {@code evaluation}'s
 * {@code EvaluationStats}, checklists from {@code scheme}). Published: the use-case services
 * {@link org.dudao.inspection.Inspectors}, {@link org.dudao.inspection.Zones}, {@link org.dudao.inspection.Visits},
 * {@link org.dudao.inspection.Plaques}, {@link org.dudao.inspection.Calendars},
 * {@link org.dudao.inspection.Briefings}, {@link org.dudao.inspection.Rechecks},
 * {@link org.dudao.inspection.Summaries}, {@link org.dudao.inspection.Workloads} and
 * {@link org.dudao.inspection.SpecialInspections} with the views and requests they take and return.
 */
@ApplicationModule(
        allowedDependencies = {
            "shared",
            "audit",
            "org",
            "evidence",
            "rectification",
            "user",
            "calendar",
            "scheme",
            "evaluation"
        })
package org.dudao.inspection;

import org.springframework.modulith.ApplicationModule;
