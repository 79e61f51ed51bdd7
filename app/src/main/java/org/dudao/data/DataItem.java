package org.dudao.data;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;

/** A data item (数据项): what is collected, in which unit, with which bounds; or how it is derived (formula). */
@Entity
@Table(name = "data_item")
public class DataItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String code;
    private String name;
    private String unit;

    @Enumerated(EnumType.STRING)
    private ValueType valueType;

    private BigDecimal minValue;
    private BigDecimal maxValue;
    private boolean required;

    @Enumerated(EnumType.STRING)
    private Aggregation aggregation;

    @Enumerated(EnumType.STRING)
    private PeriodType periodType;

    private String description;

    /** The formula of a derived item (computed from other items of the same unit and period), else null. */
    private String formula;

    @Version
    private int version;

    protected DataItem() {}

    public DataItem(
            String code,
            String name,
            String unit,
            ValueType valueType,
            BigDecimal minValue,
            BigDecimal maxValue,
            boolean required,
            Aggregation aggregation,
            PeriodType periodType,
            String description) {
        this.code = code;
        edit(name, unit, valueType, minValue, maxValue, required, aggregation, periodType, description);
    }

    void edit(
            String name,
            String unit,
            ValueType valueType,
            BigDecimal minValue,
            BigDecimal maxValue,
            boolean required,
            Aggregation aggregation,
            PeriodType periodType,
            String description) {
        this.name = name;
        this.unit = unit;
        this.valueType = valueType;
        this.minValue = minValue;
        this.maxValue = maxValue;
        this.required = required;
        this.aggregation = aggregation;
        this.periodType = periodType;
        this.description = description;
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public String getUnit() {
        return unit;
    }

    public ValueType getValueType() {
        return valueType;
    }

    public BigDecimal getMinValue() {
        return minValue;
    }

    public BigDecimal getMaxValue() {
        return maxValue;
    }

    public boolean isRequired() {
        return required;
    }

    public Aggregation getAggregation() {
        return aggregation;
    }

    public PeriodType getPeriodType() {
        return periodType;
    }

    public String getDescription() {
        return description;
    }

    public String getFormula() {
        return formula;
    }

    /** Whether the values of this item are computed by its formula rather than typed. */
    public boolean isDerived() {
        return formula != null;
    }

    void setFormula(String formula) {
        this.formula = formula;
    }

    public int getVersion() {
        return version;
    }

    public boolean isNumeric() {
        return valueType == ValueType.INTEGER || valueType == ValueType.NUMBER || valueType == ValueType.PERCENT;
    }

    /** Whether a value reported at a parent must equal the sum over its children (counts, areas). */
    public boolean sums() {
        return aggregation == Aggregation.SUM && isNumeric();
    }
}
