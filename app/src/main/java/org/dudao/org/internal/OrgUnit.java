package org.dudao.org.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.dudao.org.OrgKind;
import org.dudao.org.OrgUnitRef;
import org.dudao.shared.Tracked;

/**
 * A node of the org tree. {@code path} lists the ids from the root ("/1/4/17/"), so a subtree is one prefix
 * query and a scope check is a string prefix test.
 */
@Tracked
@Entity
@Table(name = "org_unit")
public class OrgUnit {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String code;
    private String name;

    @Enumerated(EnumType.STRING)
    private OrgKind kind;

    private Long parentId;
    private String path;
    private int depth;
    private String address;
    private String contactPerson;
    private String contactPhone;
    private int sortOrder;

    @Version
    private int version;

    private Instant createdAt;
    private Instant updatedAt;

    protected OrgUnit() {}

    public OrgUnit(String code, String name, OrgKind kind, Instant now) {
        this.code = code;
        this.name = name;
        this.kind = kind;
        this.createdAt = now;
        this.updatedAt = now;
        this.path = "/";
    }

    /** Places the unit under {@code parent} (null: root). Needs the id, so it is called after the first save. */
    public void placeUnder(OrgUnit parent) {
        this.parentId = parent == null ? null : parent.id;
        this.path = (parent == null ? "/" : parent.path) + id + "/";
        this.depth = parent == null ? 0 : parent.depth + 1;
    }

    /** Applies an edit; touches {@code updatedAt} (and so the version) only when something changed. */
    public void edit(
            String name,
            OrgKind kind,
            String address,
            String contactPerson,
            String contactPhone,
            int sortOrder,
            Instant now) {
        if (java.util.Objects.equals(this.name, name)
                && this.kind == kind
                && java.util.Objects.equals(this.address, address)
                && java.util.Objects.equals(this.contactPerson, contactPerson)
                && java.util.Objects.equals(this.contactPhone, contactPhone)
                && this.sortOrder == sortOrder) {
            return;
        }
        this.name = name;
        this.kind = kind;
        this.address = address;
        this.contactPerson = contactPerson;
        this.contactPhone = contactPhone;
        this.sortOrder = sortOrder;
        this.updatedAt = now;
    }

    /** The light reference other features get. */
    public OrgUnitRef toRef() {
        return new OrgUnitRef(id, code, name, kind, parentId, path);
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

    public OrgKind getKind() {
        return kind;
    }

    public Long getParentId() {
        return parentId;
    }

    public String getPath() {
        return path;
    }

    public int getDepth() {
        return depth;
    }

    public String getAddress() {
        return address;
    }

    public String getContactPerson() {
        return contactPerson;
    }

    public String getContactPhone() {
        return contactPhone;
    }

    public int getSortOrder() {
        return sortOrder;
    }

    public int getVersion() {
        return version;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
