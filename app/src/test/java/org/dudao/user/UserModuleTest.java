package org.dudao.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dudao.support.OrgForms.unit;

import java.util.List;
import org.dudao.org.OrgTree;
import org.dudao.org.OrgUnits;
import org.dudao.shared.Role;
import org.dudao.support.AsSystem;
import org.dudao.support.ModuleTest;
import org.dudao.user.internal.Accounts;
import org.dudao.user.internal.UserForm;
import org.dudao.user.internal.UserView.GrantView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Users with org and audit beneath them: a fresh database gets its first administrator; holders are scoped. */
@ModuleTest
class UserModuleTest {

    @Autowired
    Users users;

    @Autowired
    Accounts accounts;

    @Autowired
    OrgTree tree;

    @Autowired
    OrgUnits units;

    @Test
    void holdersAreThoseWithTheRoleInsideTheSubtree() {
        assertThat(AsSystem.get(() -> accounts.get("admin").grants()))
                .extracting(GrantView::role)
                .containsExactly("ADMIN");

        String[] paths = AsSystem.get(() -> {
            tree.create(unit("U-P", "用户省", "PROVINCE", null));
            tree.create(unit("U-C", "用户市", "CITY", "U-P"));
            tree.create(unit("U-A", "甲县", "COUNTY", "U-C"));
            tree.create(unit("U-B", "乙县", "COUNTY", "U-C"));
            accounts.create(new UserForm(
                    "u_expert",
                    "专家甲",
                    null,
                    true,
                    "expert2026",
                    List.of(new GrantView("EXPERT", "U-A", null)),
                    null,
                    null));
            return new String[] {
                units.readable("U-A").path(), units.readable("U-B").path()
            };
        });

        assertThat(AsSystem.get(() -> users.holders(Role.EXPERT, paths[0])))
                .extracting(RoleHolder::username)
                .containsExactly("u_expert");
        assertThat(AsSystem.get(() -> users.holders(Role.EXPERT, paths[1]))).isEmpty();
    }
}
