package org.dudao.inspection.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** 督学责任区: a named set of schools of one county with a lead inspector; its schools are {@link ZoneSchool}s. */
@Entity
@Table(name = "inspection_zone")
public class Zone {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String code;
    private String name;
    private Long countyId;
    private String countyPath;
    private Long leadId;

    @Version
    private int rowVersion;

    private Instant createdAt;
    private Instant updatedAt;

    protected Zone() {}

    public Zone(String code, Long countyId, String countyPath, Instant now) {
        this.code = code;
        this.countyId = countyId;
        this.countyPath = countyPath;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void describe(String name, Long leadId, Instant now) {
        this.name = name;
        this.leadId = leadId;
        this.updatedAt = now;
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

    public Long getCountyId() {
        return countyId;
    }

    public String getCountyPath() {
        return countyPath;
    }

    public Long getLeadId() {
        return leadId;
    }

    public int getRowVersion() {
        return rowVersion;
    }
}
