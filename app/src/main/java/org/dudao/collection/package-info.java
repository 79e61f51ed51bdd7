/**
 * Data collection (数据采集): collection tasks (填报任务) that send a form of data items to the units of a subtree
 * for a period, the per-unit workflow 未填报 → 填报中 → 已提交 → 已审核 / 退回修改 with locking of submitted data,
 * reminders, cross-field rules, cross-level consistency (县乡一致), batch writes through the API and the Excel
 * round-trip. Values themselves live in {@link org.dudao.data}: forms, imports and the API all write the same
 * rows; a form's evidence files are kept by {@link org.dudao.evidence}. Other features only issue tasks
 * ({@link org.dudao.collection.CollectionTasks}); everything else is in {@code internal}.
 */
@ApplicationModule(allowedDependencies = {"shared", "audit", "data", "org", "evidence"})
package org.dudao.collection;

import org.springframework.modulith.ApplicationModule;
