package org.dudao.org.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.dudao.org.OrgKind;
import org.dudao.org.OrgTree;
import org.dudao.org.OrgUnitForm;
import org.dudao.org.OrgUnitView;
import org.dudao.org.OrgUnits;
import org.dudao.org.internal.OrgImport;
import org.dudao.shared.InvalidInputException;
import org.dudao.shared.PageView;
import org.dudao.shared.web.Downloads;
import org.dudao.shared.web.PageRequests;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
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
@RequestMapping("/api/org-units")
@Tag(name = "组织机构 Org units")
class OrgUnitApi {

    private static final Set<String> SORTABLE = Set.of("code", "name", "kind", "path");
    private final OrgUnits units;
    private final OrgTree tree;
    private final OrgImport importer;

    OrgUnitApi(OrgUnits units, OrgTree tree, OrgImport importer) {
        this.units = units;
        this.tree = tree;
        this.importer = importer;
    }

    @GetMapping
    @Operation(summary = "Children of a unit, or the top units of the caller's scope when no parent is given")
    List<OrgUnitView> children(@RequestParam(required = false) String parent) {
        return units.children(parent);
    }

    @GetMapping("/search")
    @Operation(summary = "Search the caller's scope by name or code, with paging and sorting")
    PageView<OrgUnitView> search(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String under,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            @RequestParam(defaultValue = "code") String sort,
            @RequestParam(defaultValue = "asc") String dir) {
        OrgKind k = kind == null || kind.isBlank()
                ? null
                : OrgKind.parse(kind)
                        .orElseThrow(() -> InvalidInputException.of("kind", "org.error.kind-unknown", kind));
        return PageView.of(units.search(q, k, under, PageRequests.of(page, size, sort, dir, SORTABLE, "code")));
    }

    @GetMapping("/{code}")
    OrgUnitView get(@PathVariable String code) {
        return units.get(code);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    OrgUnitView create(@RequestBody OrgUnitForm form) {
        return tree.create(form);
    }

    @PutMapping("/{code}")
    OrgUnitView update(@PathVariable String code, @RequestBody OrgUnitForm form) {
        return tree.update(code, form);
    }

    record MoveRequest(String parentCode) {}

    @PostMapping("/{code}/move")
    @Operation(summary = "Move a unit with its whole subtree under another parent")
    OrgUnitView move(@PathVariable String code, @RequestBody MoveRequest request) {
        return tree.move(code, request.parentCode());
    }

    @DeleteMapping("/{code}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a unit; refused (409) while it has children or data")
    void delete(@PathVariable String code) {
        tree.delete(code);
    }

    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import units from Excel (code, name, kind, parent code, enrolments); all or nothing")
    ResponseEntity<OrgImport.Report> importExcel(
            @RequestPart("file") MultipartFile file, @RequestParam(defaultValue = "false") boolean dryRun)
            throws IOException {
        OrgImport.Report report = importer.importWorkbook(file.getInputStream(), dryRun);
        return ResponseEntity.status(report.rejected().isEmpty() ? HttpStatus.OK : HttpStatus.BAD_REQUEST)
                .body(report);
    }

    @GetMapping("/export")
    @Operation(summary = "The units below a unit (or the whole scope) as an Excel workbook in the import layout")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String under) {
        return Downloads.xlsx("org-units.xlsx", importer.export(under));
    }

    @GetMapping("/import/template")
    @Operation(summary = "An empty import workbook with the expected columns")
    ResponseEntity<byte[]> template() {
        return Downloads.xlsx("org-units-template.xlsx", importer.template());
    }
}
