/**
 * Rectification (整改落实): items drafted from the points a school lost and the vetoes that fired when its
 * evaluation closed below the top grade, each moving 待制定方案 → 整改中 → 待复核 → 已销号 (逾期 when its deadline
 * passes), and the numbered 限期整改通知书 issued to the unit. Listens to
 * {@link org.dudao.evaluation.EvaluationFinalized} through the event publication registry ({@code ItemDrafting},
 * retried by {@code DraftingRetry}). Published: {@link org.dudao.rectification.Rectifications} with its
 * {@link org.dudao.rectification.ItemView}, and {@link org.dudao.rectification.RectificationStats} for reports.
 */
@ApplicationModule(allowedDependencies = {"shared", "audit", "org", "evaluation", "evidence"})
package org.dudao.rectification;

import org.springframework.modulith.ApplicationModule;
