package org.dudao.evaluation.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.dudao.evaluation.Phase;
import org.dudao.shared.IdList;

/** An expert group of one review level (county or city) with its leader, members and assigned schools. */
@Entity
@Table(name = "expert_group")
public class ExpertGroup {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long projectId;

    @Enumerated(EnumType.STRING)
    @jakarta.persistence.Column(name = "review_level")
    private Phase level;

    private String name;
    private String leader;
    /** Usernames, comma separated. */
    private String members;
    /** Org unit ids of the assigned schools, comma separated. */
    private String units;

    private Instant createdAt;

    protected ExpertGroup() {}

    ExpertGroup(
            Long projectId,
            Phase level,
            String name,
            String leader,
            List<String> members,
            List<Long> units,
            Instant now) {
        this.projectId = projectId;
        this.level = level;
        this.name = name;
        this.leader = leader;
        this.members = String.join(",", members);
        this.units = String.join(",", units.stream().map(String::valueOf).toList());
        this.createdAt = now;
    }

    List<String> memberList() {
        return members.isEmpty() ? List.of() : Arrays.asList(members.split(","));
    }

    List<Long> unitIds() {
        return IdList.of(units);
    }

    boolean covers(Long unitId) {
        return unitIds().contains(unitId);
    }

    /** A drawn expert joins (their account scores the group's schools). */
    void addMember(String username) {
        if (!hasMember(username)) {
            members = members.isEmpty() ? username : members + "," + username;
        }
    }

    /** A drawn expert who declined leaves; the leader stays. */
    void removeMember(String username) {
        members = String.join(
                ",", memberList().stream().filter(m -> !m.equals(username)).toList());
    }

    boolean hasMember(String username) {
        return leader.equals(username) || memberList().contains(username);
    }

    Long getId() {
        return id;
    }

    Long getProjectId() {
        return projectId;
    }

    Phase getLevel() {
        return level;
    }

    String getName() {
        return name;
    }

    String getLeader() {
        return leader;
    }
}
