/**
 * The enter-once value store: data items (数据项) and one value per org unit, period and item, reused by every
 * task, scheme, report and statistic. Other features read and write values only through {@link DataValues}.
 */
package org.dudao.data;
