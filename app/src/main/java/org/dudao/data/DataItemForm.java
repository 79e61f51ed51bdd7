package org.dudao.data;

/**
 * Input for creating or editing a data item (text fields, so forms, API and Excel validate alike). With a
 * {@code formula} the item is derived: its values are computed from other items of the same unit and period.
 */
public record DataItemForm(
        String code,
        String name,
        String unit,
        String valueType,
        String minValue,
        String maxValue,
        Boolean required,
        String aggregation,
        String periodType,
        String description,
        String formula,
        Integer version) {

    /** A form without a formula (an item whose values are entered). */
    public DataItemForm(
            String code,
            String name,
            String unit,
            String valueType,
            String minValue,
            String maxValue,
            Boolean required,
            String aggregation,
            String periodType,
            String description,
            Integer version) {
        this(
                code,
                name,
                unit,
                valueType,
                minValue,
                maxValue,
                required,
                aggregation,
                periodType,
                description,
                null,
                version);
    }
}
