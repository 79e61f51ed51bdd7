/**
 * The enter-once value store: the data item catalogue (数据项, {@link org.dudao.data.DataItems}) and one value per
 * org unit, period and item, reused by every task, scheme, report and statistic. Other features read and write
 * values only through {@link org.dudao.data.DataValues}: batch writes (JDBC batches) refuse stale versions and
 * values locked by a {@link org.dudao.data.DataWriteGuard}, and every change is kept in
 * {@code data_value_history} (old → new, who, when, channel) and audited per unit. Derived items (a formula over
 * items of the same unit and period) and items other features compute ({@link org.dudao.data.ComputedItems}) are
 * read like stored values and never typed.
 */
@ApplicationModule(allowedDependencies = {"shared", "audit"})
package org.dudao.data;

import org.springframework.modulith.ApplicationModule;
