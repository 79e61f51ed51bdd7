package org.dudao.collection.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.dudao.collection.internal.ValueBatches;
import org.dudao.collection.internal.excel.ErrorReports;
import org.dudao.collection.internal.excel.ExcelExport;
import org.dudao.collection.internal.excel.ExcelImport;
import org.dudao.collection.internal.excel.ImportGate;
import org.dudao.collection.internal.excel.ImportJobs;
import org.dudao.shared.web.Downloads;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "Excel 导入导出 Excel round-trip")
class ExcelApi {

    private final ExcelExport export;
    private final ExcelImport importer;
    private final ImportJobs jobs;
    private final MessageSource messages;
    private final ImportGate gate;

    ExcelApi(ExcelExport export, ExcelImport importer, ImportJobs jobs, MessageSource messages, ImportGate gate) {
        this.export = export;
        this.importer = importer;
        this.jobs = jobs;
        this.messages = messages;
        this.gate = gate;
    }

    /** The node already runs as many imports as it may: 429 with the seconds to wait. */
    @ExceptionHandler(ImportGate.ImportBusyException.class)
    ResponseEntity<ProblemDetail> busy(ImportGate.ImportBusyException e) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(
                HttpStatus.TOO_MANY_REQUESTS,
                messages.getMessage(
                        "collection.import.busy",
                        new Object[] {e.retryAfterSeconds()},
                        LocaleContextHolder.getLocale()));
        pd.setType(URI.create("about:blank"));
        pd.setTitle(messages.getMessage("collection.import.busy-title", null, LocaleContextHolder.getLocale()));
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(pd);
    }

    @GetMapping("/api/data-values/export")
    @Operation(summary = "Pre-filled template: items for one unit or, with subtree=true, every unit below it")
    ResponseEntity<byte[]> export(
            @RequestParam String orgUnit,
            @RequestParam String period,
            @RequestParam String items,
            @RequestParam(defaultValue = "false") boolean subtree)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        export.export(
                orgUnit,
                period,
                Arrays.stream(items.split(","))
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .toList(),
                subtree,
                out);
        return Downloads.xlsx("data-" + orgUnit + "-" + period + ".xlsx", out.toByteArray());
    }

    @GetMapping("/api/collection/tasks/{id}/export")
    @Operation(summary = "A task's pre-filled template for its units under orgUnit (all units in scope if omitted)")
    ResponseEntity<byte[]> exportTask(@PathVariable Long id, @RequestParam(required = false) String orgUnit)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        export.exportTask(id, orgUnit, out);
        return Downloads.xlsx("task-" + id + (orgUnit == null ? "" : "-" + orgUnit) + ".xlsx", out.toByteArray());
    }

    record ImportResponse(
            int imported,
            int updated,
            int unchanged,
            boolean dryRun,
            String period,
            List<ExcelImport.CellProblem> rejected,
            int rejectedTotal,
            Map<ValueBatches.Kind, Integer> counts,
            String detail) {}

    @PostMapping(path = "/api/data-values/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Import a template back, all or nothing; rejected lists the first problems (sheet, row, column,"
                    + " reason), rejectedTotal and counts all of them; 429 with Retry-After when the node is busy")
    ResponseEntity<ImportResponse> importFile(
            @RequestPart("file") MultipartFile file,
            @RequestParam(required = false) String period,
            @RequestParam(defaultValue = "false") boolean dryRun)
            throws IOException {
        ExcelImport.requireImporter();
        try (ImportGate.Permit permit = gate.enter()) {
            return importNow(file, period, dryRun);
        }
    }

    private ResponseEntity<ImportResponse> importNow(MultipartFile file, String period, boolean dryRun)
            throws IOException {
        Path tmp = Files.createTempFile("dudao-import", ".xlsx");
        try {
            file.transferTo(tmp);
            ExcelImport.Report report = importer.importFile(tmp, period, dryRun, new ExcelImport.Listener() {
                @Override
                public void phase(String phase) {}

                @Override
                public void rows(int read, int total) {}
            });
            return ResponseEntity.status(ValueBatches.Kind.status(report.kinds()))
                    .body(response(report));
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private ImportResponse response(ExcelImport.Report report) {
        String detail = report.ok()
                ? null
                : messages.getMessage(
                        "collection.batch.rejected",
                        new Object[] {report.rejectedTotal()},
                        LocaleContextHolder.getLocale());
        return new ImportResponse(
                report.imported(),
                report.updated(),
                report.unchanged(),
                report.dryRun(),
                report.period(),
                report.rejected(),
                report.rejectedTotal(),
                report.counts(),
                detail);
    }

    @PostMapping(path = "/api/data-values/import-jobs", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Start an import in the background; poll the job for progress and its report")
    Map<String, String> startJob(
            @RequestPart("file") MultipartFile file,
            @RequestParam(required = false) String period,
            @RequestParam(defaultValue = "false") boolean dryRun)
            throws IOException {
        return Map.of("id", jobs.start(file.getInputStream(), period, dryRun).getId());
    }

    record JobView(
            String id,
            String phase,
            int percent,
            int rowsRead,
            int totalRows,
            boolean done,
            String failure,
            ImportResponse report) {}

    @GetMapping("/api/data-values/import-jobs/{jobId}")
    JobView job(@PathVariable String jobId) {
        ImportJobs.Job job = jobs.get(jobId);
        return new JobView(
                job.getId(),
                job.getPhase(),
                job.getPercent(),
                job.getRowsRead(),
                job.getTotalRows(),
                job.isDone(),
                job.getFailure(),
                job.getReport() == null ? null : response(job.getReport()));
    }

    @GetMapping("/api/data-values/import-jobs/{jobId}/errors.xlsx")
    @Operation(summary = "The job's first problems as a workbook: sheet, row, column, reason")
    ResponseEntity<Resource> errors(@PathVariable String jobId) throws IOException {
        return ErrorReports.download(importer, jobs.get(jobId));
    }
}
