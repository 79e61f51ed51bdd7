/**
 * Standardization acceptance (标准化建设评估验收): yearly evaluation projects with a quota plan, and per school
 * the workflow 自评 → 县级初评 → 市级复核 → 认定（公示、异议） → 授牌, scored from stored data by the scheme engine.
 * The file {@code Evaluation} is an aggregate that takes its steps by the plain rules of
 * {@link org.dudao.evaluation.internal.Workflow} and publishes {@link org.dudao.evaluation.EvaluationFinalized}.
 * Published for other features: {@link org.dudao.evaluation.Evaluations} (the use cases of a file),
 * {@link org.dudao.evaluation.EvaluationStats} (figures for reports), the event and the views they read; the
 * rest sits in {@code internal}, {@code web} and {@code api}, or is package-private.
 */
@ApplicationModule(
        allowedDependencies = {"shared", "audit", "org", "data", "scheme", "engine", "collection", "evidence", "user"})
package org.dudao.evaluation;

import org.springframework.modulith.ApplicationModule;
