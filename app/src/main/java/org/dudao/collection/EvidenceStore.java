package org.dudao.collection;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dudao.audit.AuditLog;
import org.dudao.data.DataItem;
import org.dudao.data.DataItems;
import org.dudao.data.ValueKey;
import org.dudao.org.OrgUnitRef;
import org.dudao.org.OrgUnits;
import org.dudao.shared.Access;
import org.dudao.shared.ConflictException;
import org.dudao.shared.InvalidInputException;
import org.dudao.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.unit.DataSize;

/**
 * Evidence files (佐证材料): the type is recognised from the content, the size is limited
 * ({@code dudao.evidence.max-size}, default 20 MB), the SHA-256 is stored and files live under
 * {@code dudao.evidence.dir} (default ./data/files). Reading needs read scope on the unit, attaching and
 * deleting a writing role; files of locked (submitted) data cannot be changed; every change is audited.
 */
@Service
public class EvidenceStore {

    private final EvidenceRepository evidence;
    private final OrgUnits units;
    private final DataItems items;
    private final CollectionTasks tasks;
    private final CollectionLocks locks;
    private final AuditLog audit;
    private final Clock clock;
    private final long maxBytes;
    private final Path root;

    EvidenceStore(
            EvidenceRepository evidence,
            OrgUnits units,
            DataItems items,
            CollectionTasks tasks,
            CollectionLocks locks,
            AuditLog audit,
            Clock clock,
            @Value("${dudao.evidence.max-size:20MB}") DataSize maxSize,
            @Value("${dudao.evidence.dir:./data/files}") String dir) {
        this.evidence = evidence;
        this.units = units;
        this.items = items;
        this.tasks = tasks;
        this.locks = locks;
        this.audit = audit;
        this.clock = clock;
        this.maxBytes = maxSize.toBytes();
        this.root = Path.of(dir).toAbsolutePath().normalize();
    }

    public long maxBytes() {
        return maxBytes;
    }

    @Transactional
    public EvidenceView upload(
            InputStream content, String fileName, String orgUnit, String period, String item, Long taskId)
            throws IOException {
        OrgUnitRef unit = units.readable(orgUnit);
        CollectionRoles.requireWrite(unit);
        String p = period == null || period.isBlank() ? null : period.trim();
        if (p != null) {
            ValueQueries.requirePeriod(p);
        }
        DataItem dataItem = item == null || item.isBlank() ? null : items.entity(item);
        if (taskId != null) {
            CollectionTask task = tasks.task(taskId);
            tasks.requireVisible(task);
            p = p == null ? task.getPeriod() : p;
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
        ValueQueries.requirePeriod(period);
        return store(content, fileName, unit, period, null, null, true);
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
        if (name.isBlank() || name.length() > 255) {
            throw InvalidInputException.of("file", "collection.evidence.name");
        }
        Path tmp = Files.createTempFile("dudao-evidence", ".upload");
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long size = copyLimited(new DigestInputStream(content, sha), tmp);
            if (size == 0) {
                throw InvalidInputException.of("file", "collection.evidence.empty");
            }
            FileTypes.Type type = FileTypes.detect(tmp)
                    .orElseThrow(() -> InvalidInputException.of("file", "collection.evidence.type"));
            if (photoOnly && type != FileTypes.Type.PNG && type != FileTypes.Type.JPEG) {
                throw InvalidInputException.of("file", "collection.evidence.photo");
            }
            if (!FileTypes.extensionMatches(type, name)) {
                throw InvalidInputException.of("file", "collection.evidence.extension", type.extensions[0]);
            }
            LocalDate today = LocalDate.now(clock);
            String key = today.getYear() + "/" + String.format("%02d", today.getMonthValue()) + "/" + UUID.randomUUID()
                    + "." + type.extensions[0];
            Path target = root.resolve(key);
            Files.createDirectories(target.getParent());
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            removeOnRollback(target);
            Evidence e = new Evidence(
                    unit.id(),
                    p,
                    dataItem == null ? null : dataItem.getId(),
                    taskId,
                    name,
                    type.contentType,
                    size,
                    HexFormat.of().formatHex(sha.digest()),
                    key,
                    Access.currentUsername(),
                    Instant.now(clock));
            evidence.saveAndFlush(e);
            EvidenceView view = view(e, unit, dataItem);
            audit.created("Evidence", e.getId(), name, unit.path(), view);
            return view;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private long copyLimited(InputStream in, Path target) throws IOException {
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(target)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > maxBytes) {
                    throw new EvidenceTooLargeException(maxBytes);
                }
                out.write(buffer, 0, n);
            }
        }
        return total;
    }

    @Transactional(readOnly = true)
    public List<EvidenceView> list(String orgUnit, String period, String item, Long taskId) {
        OrgUnitRef unit = units.readable(orgUnit);
        DataItem dataItem = item == null || item.isBlank() ? null : items.entity(item);
        Map<Long, DataItem> itemById = items.byId(evidence.findByOrgUnitIdOrderByUploadedAtDesc(unit.id()).stream()
                .map(Evidence::getItemId)
                .filter(java.util.Objects::nonNull)
                .toList());
        return evidence.findByOrgUnitIdOrderByUploadedAtDesc(unit.id()).stream()
                .filter(e -> period == null || period.isBlank() || period.trim().equals(e.getPeriod()))
                .filter(e -> dataItem == null || dataItem.getId().equals(e.getItemId()))
                .filter(e -> taskId == null || taskId.equals(e.getTaskId()))
                .map(e -> view(e, unit, e.getItemId() == null ? null : itemById.get(e.getItemId())))
                .toList();
    }

    /** A stored file the caller may read, with its metadata. */
    public record StoredFile(EvidenceView view, Path path, boolean inline) {}

    @Transactional(readOnly = true)
    public StoredFile open(Long id) {
        Evidence e = evidence.findById(id).orElseThrow(() -> new NotFoundException("evidence " + id));
        OrgUnitRef unit = units.readable(e.getOrgUnitId());
        Path path = root.resolve(e.getStorageKey()).normalize();
        if (!path.startsWith(root) || !Files.isRegularFile(path)) {
            throw new NotFoundException("evidence " + id);
        }
        DataItem item = e.getItemId() == null
                ? null
                : items.byId(List.of(e.getItemId())).get(e.getItemId());
        boolean inline = !e.getContentType().contains("openxmlformats");
        return new StoredFile(view(e, unit, item), path, inline);
    }

    @Transactional
    public void delete(Long id) {
        Evidence e = evidence.findById(id).orElseThrow(() -> new NotFoundException("evidence " + id));
        OrgUnitRef unit = units.readable(e.getOrgUnitId());
        CollectionRoles.requireWrite(unit);
        DataItem item = e.getItemId() == null
                ? null
                : items.byId(List.of(e.getItemId())).get(e.getItemId());
        requireUnlocked(unit, e.getPeriod(), item);
        EvidenceView before = view(e, unit, item);
        evidence.delete(e);
        evidence.flush();
        audit.deleted("Evidence", id, e.getFileName(), unit.path(), before);
        Path path = root.resolve(e.getStorageKey()).normalize();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException ignored) {
                    // an orphan file is harmless; the row and its audit entry are what count
                }
            }
        });
    }

    private void requireUnlocked(OrgUnitRef unit, String period, DataItem item) {
        if (item != null
                && period != null
                && !locks.locked(List.of(new ValueKey(unit.id(), item.getId(), period)))
                        .isEmpty()) {
            throw new ConflictException("collection.error.value-locked", item.getName());
        }
    }

    private static void removeOnRollback(Path file) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    try {
                        Files.deleteIfExists(file);
                    } catch (IOException ignored) {
                        // best effort
                    }
                }
            }
        });
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
