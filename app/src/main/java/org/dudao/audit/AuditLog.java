package org.dudao.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.criteria.Predicate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.dudao.audit.internal.AuditEntry;
import org.dudao.audit.internal.AuditRepository;
import org.dudao.shared.Access;
import org.dudao.shared.Role;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records changes inside the caller's transaction, so a change and its audit entry are written together or not
 * at all. Values are stored as JSON snapshots of the feature's own view of the entity (never the entity).
 */
@Service
public class AuditLog {

    public enum Action {
        CREATE,
        UPDATE,
        DELETE
    }

    private final AuditRepository entries;
    private final ObjectMapper json;
    private final Clock clock;

    AuditLog(AuditRepository entries, ObjectMapper json, Clock clock) {
        this.entries = entries;
        this.json = json;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void created(String entityType, Object id, String label, String scopePath, Object newValue) {
        record(Action.CREATE, entityType, id, label, scopePath, null, newValue);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void updated(
            String entityType, Object id, String label, String scopePath, Object oldValue, Object newValue) {
        String before = toJson(oldValue);
        String after = toJson(newValue);
        if (!Objects.equals(before, after)) {
            save(Action.UPDATE, entityType, id, label, scopePath, before, after);
        }
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void deleted(String entityType, Object id, String label, String scopePath, Object oldValue) {
        record(Action.DELETE, entityType, id, label, scopePath, oldValue, null);
    }

    private void record(
            Action action, String entityType, Object id, String label, String scopePath, Object before, Object after) {
        save(action, entityType, id, label, scopePath, toJson(before), toJson(after));
    }

    private void save(
            Action action, String entityType, Object id, String label, String scopePath, String before, String after) {
        entries.save(new AuditEntry(
                Instant.now(clock),
                Access.currentUsername(),
                action.name(),
                entityType,
                String.valueOf(id),
                label,
                scopePath == null ? "/" : scopePath,
                before,
                after));
    }

    /** Entries inside the administrator's scope, newest first. */
    @Transactional(readOnly = true)
    public Page<AuditEntry> search(String entityType, String query, Pageable pageable) {
        List<String> paths = Access.pathsWith(Set.of(Role.ADMIN));
        if (paths.isEmpty()) {
            throw new org.dudao.shared.ForbiddenException("error.forbidden");
        }
        Specification<AuditEntry> spec = (root, cq, cb) -> {
            Predicate scope = paths.contains(null)
                    ? cb.conjunction()
                    : cb.or(paths.stream()
                            .map(p -> cb.like(root.get("scopePath"), p + "%"))
                            .toArray(Predicate[]::new));
            Predicate result = scope;
            if (entityType != null && !entityType.isBlank()) {
                result = cb.and(result, cb.equal(root.get("entityType"), entityType));
            }
            if (query != null && !query.isBlank()) {
                String like = "%" + query.toLowerCase() + "%";
                result = cb.and(
                        result,
                        cb.or(
                                cb.like(cb.lower(root.get("entityLabel")), like),
                                cb.like(cb.lower(root.get("username")), like),
                                cb.equal(root.get("entityId"), query)));
            }
            return result;
        };
        return entries.findAll(spec, pageable);
    }

    /** The kinds of object the log has entries of, for the filter. */
    @Transactional(readOnly = true)
    public List<String> entityTypes() {
        if (Access.pathsWith(Set.of(Role.ADMIN)).isEmpty()) {
            throw new org.dudao.shared.ForbiddenException("error.forbidden");
        }
        return entries.entityTypes().stream().sorted().toList();
    }

    private String toJson(Object value) {
        if (value == null) {
            return null;
        }
        try {
            String text = json.writeValueAsString(value);
            return text.length() > 20000 ? text.substring(0, 19990) + "…" : text;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise audit value", e);
        }
    }
}
