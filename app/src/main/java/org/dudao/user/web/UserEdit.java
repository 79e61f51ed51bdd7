package org.dudao.user.web;

import java.util.ArrayList;
import java.util.List;
import org.dudao.user.internal.UserForm;
import org.dudao.user.internal.UserView;

/** The user edit screen's form bean. Grants are rows of role + org code. */
public class UserEdit {

    private String username;
    private String displayName;
    private String phone;
    private boolean enabled = true;
    private String password;
    private Integer version;
    private List<GrantRow> grants = new ArrayList<>();

    public static class GrantRow {
        private String role;
        private String orgUnit;

        public GrantRow() {}

        GrantRow(String role, String orgUnit) {
            this.role = role;
            this.orgUnit = orgUnit;
        }

        public String getRole() {
            return role;
        }

        public void setRole(String role) {
            this.role = role;
        }

        public String getOrgUnit() {
            return orgUnit;
        }

        public void setOrgUnit(String orgUnit) {
            this.orgUnit = orgUnit;
        }
    }

    static UserEdit of(UserView v) {
        UserEdit e = new UserEdit();
        e.username = v.username();
        e.displayName = v.displayName();
        e.phone = v.phone();
        e.enabled = v.enabled();
        e.version = v.version();
        v.grants().forEach(g -> e.grants.add(new GrantRow(g.role(), g.orgUnit())));
        return e;
    }

    UserForm toForm() {
        List<UserView.GrantView> list = grants.stream()
                .filter(g -> g.role != null && !g.role.isBlank())
                .map(g -> new UserView.GrantView(g.role, g.orgUnit, null))
                .toList();
        return new UserForm(username, displayName, phone, enabled, password, list, null, version);
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public Integer getVersion() {
        return version;
    }

    public void setVersion(Integer version) {
        this.version = version;
    }

    public List<GrantRow> getGrants() {
        return grants;
    }

    public void setGrants(List<GrantRow> grants) {
        this.grants = grants;
    }
}
