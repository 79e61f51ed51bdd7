package org.dudao.shared.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** File downloads with a UTF-8 file name, so Chinese names survive every browser. */
public final class Downloads {

    public static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    public static final MediaType DOCX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private Downloads() {}

    public static ResponseEntity<byte[]> file(String filename, MediaType type, byte[] body) {
        return attachment(filename, type).body(body);
    }

    /** A large file written to a temporary file first; the file is deleted once it has been sent. */
    public static ResponseEntity<Resource> temporary(String filename, MediaType type, Path file) {
        try {
            long size = Files.size(file);
            return attachment(filename, type)
                    .contentLength(size)
                    .body(new InputStreamResource(Files.newInputStream(file, StandardOpenOption.DELETE_ON_CLOSE)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ResponseEntity.BodyBuilder attachment(String filename, MediaType type) {
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(filename, java.nio.charset.StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .contentType(type);
    }

    public static ResponseEntity<byte[]> xlsx(String filename, byte[] body) {
        return file(filename, XLSX, body);
    }
}
