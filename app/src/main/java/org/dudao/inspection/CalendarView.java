package org.dudao.inspection;

import java.time.LocalDate;
import java.util.List;

/**
 * 工作月历 of a unit (a county, township or school) for one month: each school with its responsible inspector, the
 * visits planned and done that month and {@code visited} (at least {@code visitsPerMonth} visits checked in: every
 * school should get one a month by default); {@code unvisited} counts the schools without them.
 */
public record CalendarView(
        String unit, String unitName, String month, int visitsPerMonth, int unvisited, List<School> schools) {

    public record School(
            String school,
            String schoolName,
            Long inspector,
            String inspectorName,
            int planned,
            int done,
            boolean visited,
            List<Day> visits) {}

    /** A visit of the month: its day and state. */
    public record Day(Long visit, LocalDate date, String status) {}
}
