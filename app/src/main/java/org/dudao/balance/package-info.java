/**
 * Balanced development (均衡发展, SPEC §4): for a county (or any node) and a year, the enrolment-weighted 差异系数 of
 * the eight per-pupil indicators per stage, computed from the schools' stored resource values and enrolment
 * (combined schools split by the configured stage weights), the 综合差异系数, the 基本/优质均衡 checks with their
 * margins, a city's ranking of its counties, earlier years, the what-if allocation of an addition that lowers a CV
 * most, Excel and PDF. It publishes nothing at its root: the data module reads its county figures
 * ({@code cv_primary}, {@code cv_junior}) through the {@link org.dudao.data.ComputedItems} bean it provides.
 */
@ApplicationModule(allowedDependencies = {"shared", "data", "org", "engine"})
package org.dudao.balance;

import org.springframework.modulith.ApplicationModule;
