package org.dudao.scheme.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.List;
import org.dudao.scheme.SchemeDoc;
import org.dudao.scheme.SchemeFiles;
import org.dudao.scheme.SchemeSummary;
import org.dudao.scheme.Schemes;
import org.dudao.scheme.VersionInfo;
import org.dudao.scheme.internal.SchemeEditor;
import org.dudao.scheme.internal.SchemeScoring;
import org.dudao.scheme.internal.WhatIfRequest;
import org.dudao.scheme.internal.WhatIfResult;
import org.dudao.shared.web.Downloads;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/schemes")
@Tag(name = "评估方案 Schemes")
class SchemeApi {

    private final Schemes schemes;
    private final SchemeEditor editor;
    private final SchemeFiles files;
    private final SchemeScoring scoring;

    SchemeApi(Schemes schemes, SchemeEditor editor, SchemeFiles files, SchemeScoring scoring) {
        this.schemes = schemes;
        this.editor = editor;
        this.files = files;
        this.scoring = scoring;
    }

    @GetMapping
    @Operation(summary = "Schemes the caller may read: owned inside the caller's scope or by a node above it")
    List<SchemeSummary> list() {
        return schemes.list();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a scheme, or a new version of the scheme with the same code; 400 names every problem")
    SchemeDoc create(@RequestBody SchemeDoc doc) {
        return editor.save(doc);
    }

    @PostMapping("/check")
    @Operation(summary = "Validate a scheme without saving it: errors (would be refused) and warnings")
    SchemeEditor.Check check(@RequestBody SchemeDoc doc) {
        return editor.check(doc);
    }

    @GetMapping("/{code}")
    @Operation(summary = "The latest version of a scheme (or ?version=n)")
    SchemeDoc get(@PathVariable String code, @RequestParam(required = false) Integer version) {
        return schemes.version(code, version);
    }

    @GetMapping("/{code}/versions")
    List<VersionInfo> versions(@PathVariable String code) {
        return schemes.versions(code);
    }

    @GetMapping("/{code}/versions/{version}")
    SchemeDoc version(@PathVariable String code, @PathVariable int version) {
        return schemes.version(code, version);
    }

    @PutMapping("/{code}/versions/{version}")
    @Operation(
            summary =
                    "Correct a version in place while no evaluation uses it; send the revision you read (409 when stale or locked)")
    SchemeDoc correct(@PathVariable String code, @PathVariable int version, @RequestBody SchemeDoc doc) {
        return editor.correct(code, version, doc);
    }

    @PostMapping("/{code}/versions/{version}/lock")
    @Operation(summary = "Make a version read-only, as when an evaluation starts using it")
    VersionInfo lock(@PathVariable String code, @PathVariable int version) {
        return editor.lock(code, version);
    }

    record CloneRequest(String code, String name, String orgUnit, Integer version) {}

    @PostMapping("/{code}/clone")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Copy a scheme (latest version, or version) as version 1 of a new scheme")
    SchemeDoc cloneScheme(@PathVariable String code, @RequestBody CloneRequest request) {
        return editor.cloneScheme(code, request.version(), request.code(), request.name(), request.orgUnit());
    }

    @PostMapping("/{code}/score")
    @Operation(
            summary = "What-if: score a unit (values typed in and/or a unit's stored values) with gaps and the "
                    + "cheapest plan to the next grade; stores nothing")
    WhatIfResult score(
            @PathVariable String code,
            @RequestParam(required = false) Integer version,
            @RequestBody(required = false) WhatIfRequest request) {
        return scoring.score(code, version, request);
    }

    @GetMapping("/{code}/prefill")
    @Operation(summary = "A unit's stored type, enrolment and values for the items the scheme reads")
    SchemeScoring.Prefill prefill(
            @PathVariable String code,
            @RequestParam String unit,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) Integer version) {
        return scoring.prefill(code, version, unit, period);
    }

    @GetMapping("/{code}/export.json")
    ResponseEntity<byte[]> exportJson(@PathVariable String code, @RequestParam(required = false) Integer version) {
        return file(files.exportJson(code, version), code, version, "json", MediaType.APPLICATION_JSON);
    }

    @GetMapping("/{code}/export.xlsx")
    ResponseEntity<byte[]> exportExcel(@PathVariable String code, @RequestParam(required = false) Integer version) {
        return file(files.exportExcel(code, version), code, version, "xlsx", Downloads.XLSX);
    }

    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Import a scheme file (JSON or Excel as exported): a new scheme or a new version")
    SchemeDoc importFile(@RequestPart("file") MultipartFile file, @RequestParam(required = false) String orgUnit)
            throws IOException {
        return files.importFile(file.getBytes(), orgUnit);
    }

    @GetMapping("/{code}/export")
    @Operation(summary = "Export as ?format=json (default) or ?format=xlsx")
    ResponseEntity<byte[]> export(
            @PathVariable String code,
            @RequestParam(defaultValue = "json") String format,
            @RequestParam(required = false) Integer version) {
        return "xlsx".equalsIgnoreCase(format) || "excel".equalsIgnoreCase(format)
                ? exportExcel(code, version)
                : exportJson(code, version);
    }

    @PostMapping(
            path = "/import",
            consumes = {
                MediaType.APPLICATION_JSON_VALUE,
                MediaType.APPLICATION_OCTET_STREAM_VALUE,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            })
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Import a scheme sent as the request body (JSON, or the Excel workbook's bytes)")
    SchemeDoc importBody(@RequestBody byte[] content, @RequestParam(required = false) String orgUnit) {
        return files.importFile(content, orgUnit);
    }

    private ResponseEntity<byte[]> file(byte[] body, String code, Integer version, String ext, MediaType type) {
        String name = code + (version == null ? "" : "-v" + version) + "." + ext;
        return Downloads.file(name.replaceAll("[^A-Za-z0-9_.-]", "_"), type, body);
    }
}
