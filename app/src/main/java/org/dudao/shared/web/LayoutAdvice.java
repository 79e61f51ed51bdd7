package org.dudao.shared.web;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dudao.shared.DudaoUser;
import org.dudao.shared.MenuEntry;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every page the left navigation that the user's roles allow, grouped by section. */
@ControllerAdvice(annotations = Controller.class)
class LayoutAdvice {

    private final List<MenuEntry> entries;

    LayoutAdvice(List<MenuEntry> entries) {
        this.entries = entries.stream()
                .sorted(Comparator.comparingInt(MenuEntry::order))
                .toList();
    }

    @ModelAttribute("currentPath")
    String currentPath(jakarta.servlet.http.HttpServletRequest request) {
        return request.getRequestURI();
    }

    @ModelAttribute("menu")
    Map<String, List<MenuEntry>> menu(@AuthenticationPrincipal DudaoUser user) {
        Map<String, List<MenuEntry>> sections = new LinkedHashMap<>();
        if (user == null) {
            return sections;
        }
        entries.stream()
                .filter(e -> user.hasAnyRole(e.roles()))
                .forEach(e -> sections.computeIfAbsent(e.sectionKey(), k -> new java.util.ArrayList<>())
                        .add(e));
        return sections;
    }
}
