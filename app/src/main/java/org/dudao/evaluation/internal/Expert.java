package org.dudao.evaluation.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** An expert of the 专家库, kept by a county or city office; the home unit decides conflicts of interest. */
@Entity
@Table(name = "expert")
public class Expert {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long officeId;
    private String officePath;
    private String name;
    private String field;
    private String title;
    private Long homeUnitId;
    private String homePath;
    private String phone;
    private String username;
    private boolean active = true;

    @Version
    private int rowVersion;

    private Instant createdAt;
    private Instant updatedAt;

    protected Expert() {}

    Expert(Long officeId, String officePath, Instant now) {
        this.officeId = officeId;
        this.officePath = officePath;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void describe(
            String name,
            String field,
            String title,
            Long homeUnitId,
            String homePath,
            String phone,
            String username,
            boolean active,
            Instant now) {
        this.name = name;
        this.field = field;
        this.title = title;
        this.homeUnitId = homeUnitId;
        this.homePath = homePath;
        this.phone = phone;
        this.username = username;
        this.active = active;
        this.updatedAt = now;
    }

    Long getId() {
        return id;
    }

    Long getOfficeId() {
        return officeId;
    }

    String getOfficePath() {
        return officePath;
    }

    String getName() {
        return name;
    }

    String getField() {
        return field;
    }

    String getTitle() {
        return title;
    }

    Long getHomeUnitId() {
        return homeUnitId;
    }

    String getHomePath() {
        return homePath;
    }

    String getPhone() {
        return phone;
    }

    String getUsername() {
        return username;
    }

    boolean isActive() {
        return active;
    }

    int getRowVersion() {
        return rowVersion;
    }
}
