package org.dudao.inspection;

import java.time.LocalDate;

/**
 * An inspector as the API and screens show them; {@code certificateExpired} and {@code termEnded} flag what the
 * office must renew, {@code schools} counts the schools they are responsible for ({@code overloaded} above the
 * configured number).
 */
public record InspectorView(
        Long id,
        String name,
        String username,
        String kind,
        String certificate,
        LocalDate certificateExpires,
        Integer term,
        LocalDate termStart,
        LocalDate termEnd,
        String phone,
        Long photo,
        String office,
        String officeName,
        boolean chief,
        boolean certificateExpired,
        boolean termEnded,
        int schools,
        boolean overloaded,
        int version) {}
