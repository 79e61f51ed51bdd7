package org.dudao.evidence.internal;

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
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.UUID;
import org.dudao.evidence.EvidenceTooLargeException;
import org.dudao.shared.InvalidInputException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.unit.DataSize;

/**
 * The files on disk under {@code dudao.evidence.dir} (default ./data/files): checked while they are written
 * (size limit {@code dudao.evidence.max-size}, default 20 MB; type from the content; SHA-256), and removed
 * again when the transaction that stored or deleted their row does not end as expected.
 */
@Component
public class EvidenceFiles {

    private final Clock clock;
    private final long maxBytes;
    private final Path root;

    EvidenceFiles(
            Clock clock,
            @Value("${dudao.evidence.max-size:20MB}") DataSize maxSize,
            @Value("${dudao.evidence.dir:./data/files}") String dir) {
        this.clock = clock;
        this.maxBytes = maxSize.toBytes();
        this.root = Path.of(dir).toAbsolutePath().normalize();
    }

    /** A file written to the store: where it is and what it holds. */
    public record Written(String key, String contentType, long size, String sha256) {}

    public long maxBytes() {
        return maxBytes;
    }

    /** Writes {@code content} under a new key; the file goes away again if the transaction rolls back. */
    public Written write(InputStream content, String name, boolean photoOnly) throws IOException {
        Path tmp = Files.createTempFile("dudao-evidence", ".upload");
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long size = copyLimited(new DigestInputStream(content, sha), tmp);
            if (size == 0) {
                throw InvalidInputException.of("file", "evidence.error.empty");
            }
            FileTypes.Type type = checkedType(tmp, name, photoOnly);
            LocalDate today = LocalDate.now(clock);
            String key = today.getYear() + "/" + String.format("%02d", today.getMonthValue()) + "/" + UUID.randomUUID()
                    + "." + type.extensions[0];
            Path target = root.resolve(key);
            Files.createDirectories(target.getParent());
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            removeOnRollback(target);
            return new Written(key, type.contentType, size, HexFormat.of().formatHex(sha.digest()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static FileTypes.Type checkedType(Path file, String name, boolean photoOnly) throws IOException {
        FileTypes.Type type =
                FileTypes.detect(file).orElseThrow(() -> InvalidInputException.of("file", "evidence.error.type"));
        if (photoOnly && type != FileTypes.Type.PNG && type != FileTypes.Type.JPEG) {
            throw InvalidInputException.of("file", "evidence.error.photo");
        }
        if (!FileTypes.extensionMatches(type, name)) {
            throw InvalidInputException.of("file", "evidence.error.extension", type.extensions[0]);
        }
        return type;
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

    /** The stored file of {@code key}, or null when it is missing or outside the store. */
    public Path existing(String key) {
        Path path = root.resolve(key).normalize();
        return path.startsWith(root) && Files.isRegularFile(path) ? path : null;
    }

    /** Removes the file once the deletion of its row is committed. */
    public void deleteAfterCommit(String key) {
        Path path = root.resolve(key).normalize();
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
}
