package org.dudao.inspection.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A school in a zone with its responsible inspector (null: not yet assigned). A school is in one zone at most. */
@Entity
@Table(name = "zone_school")
public class ZoneSchool {

    @Id
    private Long schoolId;

    private Long zoneId;
    private Long inspectorId;
    private String schoolPath;

    protected ZoneSchool() {}

    public ZoneSchool(Long schoolId, Long zoneId, String schoolPath) {
        this.schoolId = schoolId;
        this.zoneId = zoneId;
        this.schoolPath = schoolPath;
    }

    public void assign(Long inspectorId) {
        this.inspectorId = inspectorId;
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

    public String getSchoolPath() {
        return schoolPath;
    }
}
