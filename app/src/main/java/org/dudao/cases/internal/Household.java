package org.dudao.cases.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** 民情联系户: a household or contact a cadre (a user) keeps in touch with, in a unit (village, community …). */
@Entity
@Table(name = "contact_household")
public class Household {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String cadre;
    private String name;
    private String address;
    private String phone;
    private String village;
    private Long orgUnitId;
    private String unitPath;
    private Instant createdAt;

    @Version
    private int rowVersion;

    protected Household() {}

    Household(String cadre, Long orgUnitId, String unitPath, Instant createdAt) {
        this.cadre = cadre;
        this.orgUnitId = orgUnitId;
        this.unitPath = unitPath;
        this.createdAt = createdAt;
    }

    void describe(String name, String address, String phone, String village) {
        this.name = name;
        this.address = address;
        this.phone = phone;
        this.village = village;
    }

    void moveTo(Long unitId, String path) {
        this.orgUnitId = unitId;
        this.unitPath = path;
    }

    public Long getId() {
        return id;
    }

    public String getCadre() {
        return cadre;
    }

    public String getName() {
        return name;
    }

    public String getAddress() {
        return address;
    }

    public String getPhone() {
        return phone;
    }

    public String getVillage() {
        return village;
    }

    public Long getOrgUnitId() {
        return orgUnitId;
    }

    public String getUnitPath() {
        return unitPath;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public int getRowVersion() {
        return rowVersion;
    }
}
