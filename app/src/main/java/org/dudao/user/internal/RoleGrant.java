package org.dudao.user.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.dudao.shared.Role;

/** A role held at an org node (null: the whole tree). */
@Entity
@Table(name = "role_grant")
class RoleGrant {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    private Role role;

    private Long orgUnitId;

    protected RoleGrant() {}

    RoleGrant(Role role, Long orgUnitId) {
        this.role = role;
        this.orgUnitId = orgUnitId;
    }

    Role getRole() {
        return role;
    }

    Long getOrgUnitId() {
        return orgUnitId;
    }
}
