package org.dudao.home.web;

import org.dudao.home.internal.Workbench;
import org.dudao.org.OrgUnits;
import org.dudao.shared.Access;
import org.dudao.shared.MenuEntry;
import org.dudao.shared.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

    private final OrgUnits units;
    private final Workbench workbench;

    HomeController(OrgUnits units, Workbench workbench) {
        this.units = units;
        this.workbench = workbench;
    }

    @Bean
    static MenuEntry homeMenu() {
        return new MenuEntry("nav.section.base", "home.title", "/", 0, java.util.EnumSet.allOf(Role.class));
    }

    @GetMapping("/")
    String home(Model model) {
        var me = Access.currentUser();
        model.addAttribute("me", me);
        model.addAttribute("todos", workbench.todos());
        model.addAttribute("roots", me.readablePaths().isEmpty() ? java.util.List.of() : units.children(null));
        model.addAttribute("counts", units.countByKind());
        return "home";
    }
}
