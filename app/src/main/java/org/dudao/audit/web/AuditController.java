package org.dudao.audit.web;

import java.util.EnumSet;
import java.util.Set;
import org.dudao.audit.AuditLog;
import org.dudao.shared.MenuEntry;
import org.dudao.shared.Role;
import org.dudao.shared.web.PageRequests;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class AuditController {

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @Bean
    static MenuEntry auditMenu() {
        return new MenuEntry("nav.section.system", "audit.title", "/admin/audit", 910, EnumSet.of(Role.ADMIN));
    }

    @GetMapping("/admin/audit")
    String list(
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        model.addAttribute("page", audit.search(type, q, PageRequests.of(page, 30, "at", "desc", Set.of("at"), "at")));
        model.addAttribute("type", type);
        model.addAttribute("q", q);
        return "audit/list";
    }
}
