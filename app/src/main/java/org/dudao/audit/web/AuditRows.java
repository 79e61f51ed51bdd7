package org.dudao.audit.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.dudao.audit.internal.AuditEntry;
import org.dudao.shared.PersonNames;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Audit entries as a reader understands them: the actor's name, the object type in words, and the change as one
 * line per field that changed (old → new) instead of the stored JSON.
 */
@Component
class AuditRows {

    /** The longest value shown in a change line; the API has the full text. */
    static final int MAX_VALUE = 80;

    record Row(Instant at, String who, String action, String type, String entity, List<Change> changes) {}

    record Change(String field, String before, String after) {}

    private final PersonNames names;
    private final MessageSource messages;
    private final ObjectMapper json;

    AuditRows(
            org.springframework.beans.factory.ObjectProvider<PersonNames> names,
            MessageSource messages,
            ObjectMapper json) {
        // a module test boots audit without user, which provides the names: logins are shown then
        this.names = names.getIfAvailable(() -> usernames -> Map.of());
        this.messages = messages;
        this.json = json;
    }

    List<Row> of(List<AuditEntry> entries, Locale locale) {
        Map<String, String> named = names.of(
                entries.stream().map(AuditEntry::getUsername).distinct().toList());
        return entries.stream()
                .map(e -> new Row(
                        e.getAt(),
                        who(e.getUsername(), named, locale),
                        text("audit.action." + e.getAction(), e.getAction(), locale),
                        type(e.getEntityType(), locale),
                        e.getEntityLabel() != null ? e.getEntityLabel() : e.getEntityId(),
                        changes(e.getOldValue(), e.getNewValue(), locale)))
                .toList();
    }

    String type(String entityType, Locale locale) {
        return text("audit.type." + entityType, entityType, locale);
    }

    private String who(String username, Map<String, String> named, Locale locale) {
        if ("system".equals(username)) {
            return text("audit.system", username, locale);
        }
        String name = named.get(username);
        return name == null ? username : name + "（" + username + "）";
    }

    /** One line per field present on either side whose value differs; a value that is not an object is one line. */
    List<Change> changes(String oldValue, String newValue, Locale locale) {
        JsonNode before = read(oldValue);
        JsonNode after = read(newValue);
        if ((before == null || before.isObject()) && (after == null || after.isObject())) {
            Set<String> fields = new LinkedHashSet<>();
            if (before != null) {
                before.fieldNames().forEachRemaining(fields::add);
            }
            if (after != null) {
                after.fieldNames().forEachRemaining(fields::add);
            }
            List<Change> changes = new ArrayList<>();
            for (String f : fields) {
                String b = show(before == null ? null : before.get(f), locale);
                String a = show(after == null ? null : after.get(f), locale);
                if (!Objects.equals(b, a)) {
                    changes.add(new Change(text("audit.key." + f, f, locale), b, a));
                }
            }
            return changes;
        }
        return List.of(new Change("", show(before, locale), show(after, locale)));
    }

    private JsonNode read(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (Exception e) {
            return json.getNodeFactory().textNode(text);
        }
    }

    /** A value as plain text: nested objects as "field：value" pairs without the empty ones, lists joined. */
    private String show(JsonNode node, Locale locale) {
        String text = plain(node, locale);
        return text == null || text.length() <= MAX_VALUE ? text : text.substring(0, MAX_VALUE - 1) + "…";
    }

    private String plain(JsonNode node, Locale locale) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isValueNode()) {
            return node.asText();
        }
        List<String> parts = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> parts.add(plain(n, locale)));
        } else {
            node.fields().forEachRemaining(f -> {
                String v = plain(f.getValue(), locale);
                if (v != null) {
                    parts.add(text("audit.key." + f.getKey(), f.getKey(), locale) + "：" + v);
                }
            });
        }
        parts.removeIf(Objects::isNull);
        return parts.isEmpty() && node.isObject() ? null : String.join(node.isArray() ? "、" : "；", parts);
    }

    private String text(String key, String fallback, Locale locale) {
        return messages.getMessage(key, null, fallback, locale);
    }
}
