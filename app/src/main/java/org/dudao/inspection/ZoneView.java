package org.dudao.inspection;

import java.time.LocalDate;
import java.util.List;

/**
 * A 督学责任区 with its schools and their responsible inspectors, the load of each inspector it uses (warned above
 * the configured number of schools) and the assignment history (who covered which school when).
 */
public record ZoneView(
        Long id,
        String code,
        String name,
        String county,
        String countyName,
        Long lead,
        String leadName,
        List<School> schools,
        List<Load> loads,
        List<Assignment> history,
        int version) {

    /** A school of the zone; {@code township} is the unit it sits under. */
    public record School(
            String school,
            String schoolName,
            String township,
            String townshipName,
            Long inspector,
            String inspectorName) {}

    /** Schools an inspector is responsible for in all zones; {@code overloaded} above the configured number. */
    public record Load(Long inspector, String name, int schools, boolean overloaded) {}

    /** Who covered a school from one day until another (open: until null). */
    public record Assignment(
            String school, String schoolName, Long inspector, String inspectorName, LocalDate from, LocalDate until) {}
}
