package org.dudao.evaluation.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An observer of a group (人大代表 NPC or 政协委员 CPPCC): listed with the group, never scores. */
@Entity
@Table(name = "group_observer")
public class GroupObserver {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long groupId;
    private String name;
    private String role;
    private String createdBy;
    private Instant createdAt;

    protected GroupObserver() {}

    GroupObserver(Long groupId, String name, String role, String by, Instant now) {
        this.groupId = groupId;
        this.name = name;
        this.role = role;
        this.createdBy = by;
        this.createdAt = now;
    }

    Long getId() {
        return id;
    }

    String getName() {
        return name;
    }

    String getRole() {
        return role;
    }
}
