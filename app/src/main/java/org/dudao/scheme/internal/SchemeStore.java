package org.dudao.scheme.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.dudao.audit.AuditLog;
import org.dudao.engine.CompiledScheme;
import org.dudao.engine.SchemeCompiler;
import org.dudao.org.OrgUnitRef;
import org.dudao.org.OrgUnits;
import org.dudao.scheme.SchemeDoc;
import org.dudao.scheme.VersionInfo;
import org.dudao.shared.Access;
import org.dudao.shared.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * The stored schemes as the queries and the edits share them: lookups with the scope check (a scheme is
 * readable inside its owner's subtree and by anyone whose scope contains the owner), the stored JSON, the
 * compiled forms (compiled once, then cached) and locking.
 */
@Component
public class SchemeStore {

    private final SchemeRepository schemes;
    private final SchemeVersionRepository versions;
    private final OrgUnits orgUnits;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final Clock clock;
    /** Compiled versions by "id:revision"; a version's content never changes under one key. */
    private final Map<String, CompiledScheme> compiled = new ConcurrentHashMap<>();
    /** Compiled locked versions by id: a locked version never changes again. */
    private final Map<Long, CompiledScheme> lockedById = new ConcurrentHashMap<>();

    SchemeStore(
            SchemeRepository schemes,
            SchemeVersionRepository versions,
            OrgUnits orgUnits,
            AuditLog audit,
            ObjectMapper json,
            Clock clock) {
        this.schemes = schemes;
        this.versions = versions;
        this.orgUnits = orgUnits;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    public Scheme readable(String code) {
        Scheme s = code == null ? null : schemes.findByCode(code.trim()).orElse(null);
        if (s == null) {
            throw new NotFoundException("scheme " + code);
        }
        Access.requireReadInherited(owner(s).path(), "scheme " + code);
        return s;
    }

    public SchemeVersion readableVersion(long versionId) {
        SchemeVersion v =
                versions.findById(versionId).orElseThrow(() -> new NotFoundException("scheme version " + versionId));
        Access.requireReadInherited(owner(schemeOf(v)).path(), "scheme version " + versionId);
        return v;
    }

    public Scheme schemeOf(SchemeVersion v) {
        return schemes.findById(v.getSchemeId()).orElseThrow();
    }

    /** Version {@code number} of the scheme; null: the latest. */
    public SchemeVersion version(Scheme s, Integer number) {
        int n = number == null ? s.getLatestVersion() : number;
        return versions.findBySchemeIdAndNumber(s.getId(), n)
                .orElseThrow(() -> new NotFoundException("scheme " + s.getCode() + " version " + n));
    }

    public OrgUnitRef owner(Scheme s) {
        OrgUnitRef ref = orgUnits.refs(List.of(s.getOrgUnitId())).get(s.getOrgUnitId());
        if (ref == null) {
            throw new IllegalStateException("owner of scheme " + s.getCode() + " is gone");
        }
        return ref;
    }

    public CompiledScheme compiled(SchemeVersion v) {
        return compiled.computeIfAbsent(
                v.getId() + ":" + v.getRevision(),
                k -> SchemeCompiler.compile(SchemeMapper.toDef(read(v.getDefinition()))));
    }

    /** A version's compiled form by id without a scope check; a locked one comes from memory after the first call. */
    public CompiledScheme compiled(long versionId) {
        CompiledScheme cached = lockedById.get(versionId);
        if (cached != null) {
            return cached;
        }
        SchemeVersion v =
                versions.findById(versionId).orElseThrow(() -> new NotFoundException("scheme version " + versionId));
        CompiledScheme cs = compiled(v);
        if (v.isLocked()) {
            lockedById.put(versionId, cs);
        }
        return cs;
    }

    /** Makes a version read-only (idempotent); changes then make a new version. */
    public void lock(Scheme scheme, OrgUnitRef owner, SchemeVersion v) {
        if (v.lock(Instant.now(clock))) {
            versions.flush();
            audit.updated(
                    "SchemeVersion",
                    scheme.getCode() + "@" + v.getNumber(),
                    v.getName(),
                    owner.path(),
                    Map.of("locked", false),
                    Map.of("locked", true));
        }
    }

    public SchemeDoc doc(Scheme s, SchemeVersion v) {
        OrgUnitRef owner = owner(s);
        return read(v.getDefinition())
                .withMeta(v.getNumber(), owner.code(), owner.name(), v.isLocked(), v.getNote(), v.getRevision());
    }

    public VersionInfo info(Scheme s, SchemeVersion v) {
        return new VersionInfo(
                v.getId(),
                s.getCode(),
                v.getNumber(),
                v.getName(),
                v.getMaxScore(),
                v.isLocked(),
                v.getLockedAt(),
                v.getNote(),
                v.getCreatedBy(),
                v.getCreatedAt());
    }

    SchemeDoc read(String definition) {
        try {
            return json.readValue(definition, SchemeDoc.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored scheme definition is not readable", e);
        }
    }

    String write(SchemeDoc doc) {
        try {
            return json.writeValueAsString(doc.definition());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
