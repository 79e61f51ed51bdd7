package org.dudao.data.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;

/** One value of one item for one org unit and period. Optimistic locking guards concurrent edits. */
@Entity
@Table(name = "data_value")
public class DataValue {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long orgUnitId;
    private Long itemId;
    private String period;
    private BigDecimal numValue;
    private String textValue;

    @Version
    private int version;

    private String updatedBy;
    private Instant updatedAt;

    protected DataValue() {}

    DataValue(Long orgUnitId, Long itemId, String period) {
        this.orgUnitId = orgUnitId;
        this.itemId = itemId;
        this.period = period;
    }

    void set(BigDecimal num, String text, String by, Instant at) {
        this.numValue = num;
        this.textValue = text;
        this.updatedBy = by;
        this.updatedAt = at;
    }

    public Long getId() {
        return id;
    }

    public Long getOrgUnitId() {
        return orgUnitId;
    }

    public Long getItemId() {
        return itemId;
    }

    public String getPeriod() {
        return period;
    }

    public BigDecimal getNumValue() {
        return numValue;
    }

    public String getTextValue() {
        return textValue;
    }

    public int getVersion() {
        return version;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
