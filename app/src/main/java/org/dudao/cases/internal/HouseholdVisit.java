package org.dudao.cases.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** 民情日记: one visit to a household, what was raised, and the case it became. */
@Entity
@Table(name = "contact_visit")
public class HouseholdVisit {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long householdId;
    private LocalDate visitedOn;
    private String visitor;
    private String raised;
    private Long caseId;
    private Instant createdAt;

    protected HouseholdVisit() {}

    HouseholdVisit(Long householdId, LocalDate visitedOn, String visitor, String raised, Instant createdAt) {
        this.householdId = householdId;
        this.visitedOn = visitedOn;
        this.visitor = visitor;
        this.raised = raised;
        this.createdAt = createdAt;
    }

    void becameCase(Long caseId) {
        this.caseId = caseId;
    }

    public Long getId() {
        return id;
    }

    public Long getHouseholdId() {
        return householdId;
    }

    public LocalDate getVisitedOn() {
        return visitedOn;
    }

    public String getVisitor() {
        return visitor;
    }

    public String getRaised() {
        return raised;
    }

    public Long getCaseId() {
        return caseId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
