package org.dudao.evaluation.internal;

import java.math.BigDecimal;
import java.util.List;

/** An expert of the 专家库 with their training record and the total training hours. */
public record ExpertView(
        Long id,
        String office,
        String officeName,
        String name,
        String field,
        String title,
        String homeUnit,
        String homeUnitName,
        String phone,
        String username,
        boolean active,
        List<Training> trainings,
        BigDecimal trainingHours,
        int version) {

    /** One training attended. */
    public record Training(Long id, String date, String course, BigDecimal hours) {}
}
