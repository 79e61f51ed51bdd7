package org.dudao.evidence.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.dudao.evidence.EvidenceStore;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The response that serves a stored file, for the screens and the API alike: inline preview only for PDF and
 * images, never sniffed by the browser, with its SHA-256.
 */
public final class EvidenceDownload {

    private EvidenceDownload() {}

    public static ResponseEntity<Resource> of(EvidenceStore.StoredFile f, boolean inline) {
        ContentDisposition disposition = (inline && f.inline()
                        ? ContentDisposition.inline()
                        : ContentDisposition.attachment())
                .filename(f.view().fileName(), StandardCharsets.UTF_8)
                .build();
        try {
            return ResponseEntity.ok()
                    .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                    .header("X-Content-Type-Options", "nosniff")
                    .header("X-Evidence-SHA256", f.view().sha256())
                    .contentType(MediaType.parseMediaType(f.view().contentType()))
                    .contentLength(Files.size(f.path()))
                    .body(new FileSystemResource(f.path()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
