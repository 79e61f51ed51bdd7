package org.dudao.audit.api;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Set;
import org.dudao.audit.AuditLog;
import org.dudao.audit.internal.AuditEntry;
import org.dudao.shared.PageView;
import org.dudao.shared.web.PageRequests;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "审计 Audit log")
class AuditApi {

    private final AuditLog audit;

    AuditApi(AuditLog audit) {
        this.audit = audit;
    }

    record EntryView(
            Long id,
            java.time.Instant at,
            String username,
            String action,
            String entityType,
            String entityId,
            String entityLabel,
            String oldValue,
            String newValue) {}

    @GetMapping("/api/audit")
    PageView<EntryView> search(
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        var pageable = PageRequests.of(page, size, "at", "desc", Set.of("at"), "at");
        return PageView.of(audit.search(type, q, pageable).map(AuditApi::view));
    }

    static EntryView view(AuditEntry e) {
        return new EntryView(
                e.getId(),
                e.getAt(),
                e.getUsername(),
                e.getAction(),
                e.getEntityType(),
                e.getEntityId(),
                e.getEntityLabel(),
                e.getOldValue(),
                e.getNewValue());
    }
}
