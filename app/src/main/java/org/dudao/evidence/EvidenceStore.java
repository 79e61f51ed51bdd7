package org.dudao.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dudao.audit.AuditLog;
import org.dudao.data.DataItem;
import org.dudao.data.DataItems;
import org.dudao.data.DataWriteGuard;
import org.dudao.data.PeriodType;
import org.dudao.data.ValueKey;
import org.dudao.evidence.internal.Evidence;
import org.dudao.evidence.internal.EvidenceFiles;
import org.dudao.evidence.internal.EvidenceRepository;
import org.dudao.org.OrgUnitRef;
import org.dudao.org.OrgUnits;
import org.dudao.shared.Access;
import org.dudao.shared.ConflictException;
import org.dudao.shared.InvalidInputException;
import org.dudao.shared.NotFoundException;
import org.dudao.shared.Problems;
import org.dudao.shared.Role;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evidence files (佐证材料). Reading needs read scope on the unit, attaching and deleting a data-entry role;
 * files of locked (submitted) data cannot be changed; every change is audited.
 */
@Service
public class EvidenceStore {

    private final EvidenceRepository evidence;
    private final EvidenceFiles files;
    private final OrgUnits units;
    private final DataItems items;
    private final ObjectProvider<EvidenceTasks> tasks;
    private final List<DataWriteGuard> guards;
    private final AuditLog audit;
    private final Clock clock;

    EvidenceStore(
            EvidenceRepository evidence,
            EvidenceFiles files,
            OrgUnits units,
            DataItems items,
            ObjectProvider<EvidenceTasks> tasks,
            List<DataWriteGuard> guards,
            AuditLog audit,
            Clock clock) {
        this.evidence = evidence;
        this.files = files;
        this.units = units;
        this.items = items;
        this.tasks = tasks;
        this.guards = guards;
        this.audit = audit;
        this.clock = clock;
    }

    public long maxBytes() {
        return files.maxBytes();
    }

    @Transactional
    public EvidenceView upload(
            InputStream content, String fileName, String orgUnit, String period, String item, Long taskId)
            throws IOException {
        OrgUnitRef unit = units.readable(orgUnit);
        requireWrite(unit);
        String p = period == null || period.isBlank() ? null : PeriodType.require(period);
        DataItem dataItem = item == null || item.isBlank() ? null : items.entity(item);
        if (taskId != null) {
            // evidence runs without collection too; then no task exists
            EvidenceTasks owner = tasks.getIfAvailable();
            if (owner == null) {
                throw new NotFoundException("collection task " + taskId);
            }
            String ofTask = owner.periodOfVisible(taskId);
            p = p == null ? ofTask : p;
        }
        if (dataItem != null && p == null) {
            throw InvalidInputException.of("period", "error.required");
        }
        requireUnlocked(unit, p, dataItem);
        return store(content, fileName, unit, p, dataItem, taskId, false);
    }

    /**
     * A reviewer's photo (现场照片, PNG or JPEG) attached to a unit's evidence of a period. It skips the writer
     * check on purpose: the calling feature has established the reviewer's right to this unit (evaluation: a
     * member of the expert group now scoring the school); read scope is still required. Nothing else of the
     * unit's data becomes writable, and the file is bound to no data item, so no value lock is involved.
     */
    @Transactional
    public EvidenceView uploadPhoto(InputStream content, String fileName, String orgUnit, String period)
            throws IOException {
        OrgUnitRef unit = units.readable(orgUnit);
        return store(content, fileName, unit, PeriodType.require(period), null, null, true);
    }

    private EvidenceView store(
            InputStream content,
            String fileName,
            OrgUnitRef unit,
            String p,
            DataItem dataItem,
            Long taskId,
            boolean photoOnly)
            throws IOException {
        // a NUL is no valid path (InvalidPathException) and cannot be stored
        String name = fileName == null || fileName.indexOf('\0') >= 0
                ? ""
                : Path.of(fileName.replace('\\', '/')).getFileName().toString();
        // a direction override ("txt.exe" shown as "exe.txt") or a control character only disguises a file
        if (name.isBlank() || name.length() > 255 || name.chars().anyMatch(c -> c < 0x20 || Problems.unsafe(c))) {
            throw InvalidInputException.of("file", "evidence.error.name");
        }
        EvidenceFiles.Written file = files.write(content, name, photoOnly);
        Evidence e = new Evidence(
                unit.id(),
                p,
                dataItem == null ? null : dataItem.getId(),
                taskId,
                name,
                file.contentType(),
                file.size(),
                file.sha256(),
                file.key(),
                Access.currentUsername(),
                Instant.now(clock));
        evidence.saveAndFlush(e);
        EvidenceView view = view(e, unit, dataItem);
        audit.created("Evidence", e.getId(), name, unit.path(), view);
        return view;
    }

    @Transactional(readOnly = true)
    public List<EvidenceView> list(String orgUnit, String period, String item, Long taskId) {
        OrgUnitRef unit = units.readable(orgUnit);
        DataItem dataItem = item == null || item.isBlank() ? null : items.entity(item);
        List<Evidence> all = evidence.findByOrgUnitIdOrderByUploadedAtDesc(unit.id());
        Map<Long, DataItem> itemById = items.byId(
                all.stream().map(Evidence::getItemId).filter(Objects::nonNull).toList());
        return all.stream()
                .filter(e -> period == null || period.isBlank() || period.trim().equals(e.getPeriod()))
                .filter(e -> dataItem == null || dataItem.getId().equals(e.getItemId()))
                .filter(e -> taskId == null || taskId.equals(e.getTaskId()))
                .map(e -> view(e, unit, e.getItemId() == null ? null : itemById.get(e.getItemId())))
                .toList();
    }

    /**
     * Adds a problem on {@code field} for every id that is not a file of the unit {@code orgUnitId}: whatever
     * attaches evidence ids to something checks them here, so no one can point at another unit's files.
     */
    @Transactional(readOnly = true)
    public void checkOwnedBy(long orgUnitId, Collection<Long> evidenceIds, String field, Problems problems) {
        if (evidenceIds == null || evidenceIds.isEmpty()) {
            return;
        }
        Map<Long, Evidence> found =
                evidence
                        .findAllById(
                                evidenceIds.stream().filter(Objects::nonNull).toList())
                        .stream()
                        .collect(Collectors.toMap(Evidence::getId, Function.identity()));
        for (Long id : evidenceIds) {
            Evidence e = id == null ? null : found.get(id);
            if (e == null || e.getOrgUnitId() != orgUnitId) {
                problems.add(field, "evidence.error.not-owned", String.valueOf(id));
            }
        }
    }

    /** A stored file the caller may read, with its metadata. */
    public record StoredFile(EvidenceView view, Path path, boolean inline) {}

    @Transactional(readOnly = true)
    public StoredFile open(Long id) {
        Evidence e = evidence.findById(id).orElseThrow(() -> new NotFoundException("evidence " + id));
        OrgUnitRef unit = units.readable(e.getOrgUnitId());
        Path path = files.existing(e.getStorageKey());
        if (path == null) {
            throw new NotFoundException("evidence " + id);
        }
        boolean inline = !e.getContentType().contains("openxmlformats");
        return new StoredFile(view(e, unit, itemOf(e)), path, inline);
    }

    @Transactional
    public void delete(Long id) {
        Evidence e = evidence.findById(id).orElseThrow(() -> new NotFoundException("evidence " + id));
        OrgUnitRef unit = units.readable(e.getOrgUnitId());
        requireWrite(unit);
        DataItem item = itemOf(e);
        requireUnlocked(unit, e.getPeriod(), item);
        EvidenceView before = view(e, unit, item);
        evidence.delete(e);
        evidence.flush();
        audit.deleted("Evidence", id, e.getFileName(), unit.path(), before);
        files.deleteAfterCommit(e.getStorageKey());
    }

    private DataItem itemOf(Evidence e) {
        return e.getItemId() == null ? null : items.byId(List.of(e.getItemId())).get(e.getItemId());
    }

    private static void requireWrite(OrgUnitRef unit) {
        Access.requireRole(unit.path(), Role.DATA_ENTRY, "org unit " + unit.code());
    }

    /** A file bound to an item shares the lock of the item's value (a submitted form locks both). */
    private void requireUnlocked(OrgUnitRef unit, String period, DataItem item) {
        if (item == null || period == null) {
            return;
        }
        List<ValueKey> key = List.of(new ValueKey(unit.id(), item.getId(), period));
        if (guards.stream().anyMatch(g -> !g.locked(key).isEmpty())) {
            throw new ConflictException("evidence.error.value-locked", item.getName());
        }
    }

    private static EvidenceView view(Evidence e, OrgUnitRef unit, DataItem item) {
        return new EvidenceView(
                e.getId(),
                unit.code(),
                unit.name(),
                e.getPeriod(),
                item == null ? null : item.getCode(),
                e.getTaskId(),
                e.getFileName(),
                e.getContentType(),
                e.getSizeBytes(),
                e.getSha256(),
                e.getUploadedBy(),
                e.getUploadedAt());
    }
}
