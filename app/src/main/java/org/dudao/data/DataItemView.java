package org.dudao.data;

import java.math.BigDecimal;

/** A data item as shown in the catalogue and the API. */
public record DataItemView(
        String code,
        String name,
        String unit,
        ValueType valueType,
        BigDecimal minValue,
        BigDecimal maxValue,
        boolean required,
        Aggregation aggregation,
        PeriodType periodType,
        String description,
        String formula,
        int version) {

    public static DataItemView of(DataItem i) {
        return new DataItemView(
                i.getCode(),
                i.getName(),
                i.getUnit(),
                i.getValueType(),
                i.getMinValue(),
                i.getMaxValue(),
                i.isRequired(),
                i.getAggregation(),
                i.getPeriodType(),
                i.getDescription(),
                i.getFormula(),
                i.getVersion());
    }
}
