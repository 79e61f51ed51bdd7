package org.dudao.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.dudao.shared.MenuEntry;
import org.dudao.shared.Role;
import org.dudao.support.ModuleTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The start page needs nothing but the org tree: every role finds it first in the menu. */
@ModuleTest
class HomeModuleTest {

    @Autowired
    List<MenuEntry> menu;

    @Test
    void theStartPageIsInEveryRolesMenu() {
        assertThat(menu)
                .filteredOn(entry -> entry.href().equals("/"))
                .singleElement()
                .satisfies(entry -> assertThat(entry.roles()).containsExactlyInAnyOrder(Role.values()));
    }
}
