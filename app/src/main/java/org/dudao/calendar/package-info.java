/**
 * The working-day calendar (工作日历, SPEC §8): per year the official schedule of public holidays and 调休 make-up
 * working days, shipped for 2004–2026 from the MIT-licensed {@code chinese-days} data (resources/calendar), edited
 * by administrators at the root and imported from iCalendar files. Published: {@link org.dudao.calendar.WorkingDays}
 * (is a day a working day, the N-th working day after a day, whether a year has a schedule) for every feature that
 * counts deadlines in working days.
 */
@ApplicationModule(allowedDependencies = {"shared", "audit"})
package org.dudao.calendar;

import org.springframework.modulith.ApplicationModule;
