package org.dudao.audit.web;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.dudao.audit.AuditLog;
import org.dudao.audit.internal.AuditEntry;
import org.dudao.shared.MenuEntry;
import org.dudao.shared.Role;
import org.dudao.shared.web.PageRequests;
import org.springframework.context.annotation.Bean;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class AuditController {

    private final AuditLog audit;
    private final AuditRows rows;

    AuditController(AuditLog audit, AuditRows rows) {
        this.audit = audit;
        this.rows = rows;
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
            Model model,
            Locale locale) {
        Page<AuditEntry> found = audit.search(type, q, PageRequests.of(page, 30, "at", "desc", Set.of("at"), "at"));
        model.addAttribute("page", found);
        model.addAttribute("rows", rows.of(found.getContent(), locale));
        Map<String, String> types = new LinkedHashMap<>();
        audit.entityTypes().forEach(t -> types.put(t, rows.type(t, locale)));
        model.addAttribute("types", types);
        model.addAttribute("type", type);
        model.addAttribute("q", q);
        return "audit/list";
    }
}
