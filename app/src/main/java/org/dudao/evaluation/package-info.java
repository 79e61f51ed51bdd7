/**
 * Standardization acceptance (标准化建设评估验收): yearly evaluation projects with a quota plan, and per school
 * the workflow 自评 → 县级初评 → 市级复核 → 认定（公示、异议） → 授牌, scored from stored data by the scheme engine.
 * The workflow rules are the plain class {@link org.dudao.evaluation.Workflow}; {@link org.dudao.evaluation.Evaluations}
 * is the use-case service that checks scope and role and keeps the step history.
 */
@ApplicationModule(
        allowedDependencies = {"shared", "audit", "org", "data", "scheme", "engine", "collection", "evidence", "user"})
package org.dudao.evaluation;

import org.springframework.modulith.ApplicationModule;
