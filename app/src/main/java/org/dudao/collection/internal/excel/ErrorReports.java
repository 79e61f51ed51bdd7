package org.dudao.collection.internal.excel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.dudao.shared.web.Downloads;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/** An import's error workbook as a download streamed from its temporary file, which is deleted once sent. */
public final class ErrorReports {

    private ErrorReports() {}

    public static ResponseEntity<Resource> download(ExcelImport importer, ImportJobs.Job job) throws IOException {
        Path file = importer.errorReport(
                job.getReport() == null ? List.of() : job.getReport().rejected());
        long size = Files.size(file);
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("import-errors.xlsx", StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .contentType(Downloads.XLSX)
                .contentLength(size)
                .body(new InputStreamResource(Files.newInputStream(file, StandardOpenOption.DELETE_ON_CLOSE)));
    }
}
