package org.dudao.evidence.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Recognises evidence files from their content, not their name: PDF, PNG and JPEG by magic bytes; DOCX and
 * XLSX as zip archives that really hold the {@code word/} or {@code xl/} parts (read from the central
 * directory, nothing is inflated). The extension must agree with the content.
 */
final class FileTypes {

    enum Type {
        PDF("application/pdf", "pdf"),
        PNG("image/png", "png"),
        JPEG("image/jpeg", "jpg", "jpeg"),
        DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
        XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

        final String contentType;
        final String[] extensions;

        Type(String contentType, String... extensions) {
            this.contentType = contentType;
            this.extensions = extensions;
        }

        boolean inline() {
            return this == PDF || this == PNG || this == JPEG;
        }
    }

    private FileTypes() {}

    static Optional<Type> detect(Path file) throws IOException {
        byte[] head = new byte[8];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        if (n >= 5 && head[0] == '%' && head[1] == 'P' && head[2] == 'D' && head[3] == 'F' && head[4] == '-') {
            return Optional.of(Type.PDF);
        }
        if (n >= 8
                && (head[0] & 0xff) == 0x89
                && head[1] == 'P'
                && head[2] == 'N'
                && head[3] == 'G'
                && head[4] == 0x0d
                && head[5] == 0x0a
                && head[6] == 0x1a
                && head[7] == 0x0a) {
            return Optional.of(Type.PNG);
        }
        if (n >= 3 && (head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xd8 && (head[2] & 0xff) == 0xff) {
            return Optional.of(Type.JPEG);
        }
        if (n >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return office(file);
        }
        return Optional.empty();
    }

    private static Optional<Type> office(Path file) {
        boolean contentTypes = false;
        boolean word = false;
        boolean xl = false;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            int count = 0;
            while (entries.hasMoreElements() && count++ < 10_000) {
                String name = entries.nextElement().getName();
                contentTypes |= name.equals("[Content_Types].xml");
                word |= name.equals("word/document.xml");
                xl |= name.equals("xl/workbook.xml");
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        if (!contentTypes || word == xl) {
            return Optional.empty();
        }
        return Optional.of(word ? Type.DOCX : Type.XLSX);
    }

    static boolean extensionMatches(Type type, String fileName) {
        int dot = fileName == null ? -1 : fileName.lastIndexOf('.');
        if (dot < 0) {
            return false;
        }
        String ext = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        for (String e : type.extensions) {
            if (e.equals(ext)) {
                return true;
            }
        }
        return false;
    }
}
