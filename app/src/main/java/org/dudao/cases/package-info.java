/**
 * Cases (问题/投诉/热线, SPEC §8): problems reported through 12345, 数字城管, 信访, the web, inspectors and 民情 visits,
 * each of a category with its time limit in working days (counted on {@link org.dudao.calendar.WorkingDays} from the
 * day of intake), handled 受理 → 分派 → 处置 → 核查 → 回访 → 办结 with returns, reassignments, extensions and merges
 * on an audited timeline; the reporter is never shown to the unit. Rates (处结率, 按期办结率, 回访率, 满意率) per unit
 * and period; a hotspot report (专报) and bulk import of 12345 work orders. Intake from outside: the public filing
 * page with tracking codes, Open311 GeoReport v2, 民情联系 (households, visit diary) and messages left on plaque pages
 * ({@code inspection}'s {@code PlaqueMessageReceived}). Publishes {@link org.dudao.cases.CaseCriticisms}: the 通报批评
 * entries per unit and period that cost points in the 目标考核.
 */
@ApplicationModule(allowedDependencies = {"shared", "audit", "org", "evidence", "calendar", "inspection"})
package org.dudao.cases;

import org.springframework.modulith.ApplicationModule;
