package org.dudao.inspection.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** What someone of the public wrote to a school's responsible inspector on its plaque page. */
@Entity
@Table(name = "plaque_message")
public class PlaqueMessage {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long schoolId;
    private String schoolPath;
    private Long inspectorId;
    private String body;
    private String contact;
    private Instant createdAt;

    protected PlaqueMessage() {}

    public PlaqueMessage(
            Long schoolId, String schoolPath, Long inspectorId, String body, String contact, Instant createdAt) {
        this.schoolId = schoolId;
        this.schoolPath = schoolPath;
        this.inspectorId = inspectorId;
        this.body = body;
        this.contact = contact;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public Long getSchoolId() {
        return schoolId;
    }

    public String getSchoolPath() {
        return schoolPath;
    }

    public Long getInspectorId() {
        return inspectorId;
    }

    public String getBody() {
        return body;
    }

    public String getContact() {
        return contact;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
