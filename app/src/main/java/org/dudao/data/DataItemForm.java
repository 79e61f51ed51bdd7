package org.dudao.data;

/** Input for creating or editing a data item (text fields, so forms, API and Excel validate alike). */
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
        Integer version) {}
