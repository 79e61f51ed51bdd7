package org.dudao.inspection.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** History: the inspector who covered a school from one day until another (open while {@code untilDay} is null). */
@Entity
@Table(name = "zone_assignment")
public class ZoneAssignment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long schoolId;
    private Long zoneId;
    private Long inspectorId;
    private LocalDate fromDay;
    private LocalDate untilDay;
    private String assignedBy;

    protected ZoneAssignment() {}

    public ZoneAssignment(Long schoolId, Long zoneId, Long inspectorId, LocalDate fromDay, String assignedBy) {
        this.schoolId = schoolId;
        this.zoneId = zoneId;
        this.inspectorId = inspectorId;
        this.fromDay = fromDay;
        this.assignedBy = assignedBy;
    }

    public void end(LocalDate day) {
        this.untilDay = day;
    }

    public Long getSchoolId() {
        return schoolId;
    }

    public Long getZoneId() {
        return zoneId;
    }

    public Long getInspectorId() {
        return inspectorId;
    }

    public LocalDate getFromDay() {
        return fromDay;
    }

    public LocalDate getUntilDay() {
        return untilDay;
    }

    public String getAssignedBy() {
        return assignedBy;
    }
}
