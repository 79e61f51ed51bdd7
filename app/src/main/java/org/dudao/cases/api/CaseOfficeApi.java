package org.dudao.cases.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.dudao.cases.internal.CaseHotspots;
import org.dudao.cases.internal.CaseImport;
import org.dudao.cases.internal.Cases;
import org.dudao.cases.internal.HotspotPrinter;
import org.dudao.cases.internal.HotspotView;
import org.dudao.shared.InvalidInputException;
import org.dudao.shared.web.Downloads;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The office's work on cases in bulk: importing a day's 12345 work orders, and hotspot reports (专报). */
@RestController
@Tag(name = "案件 Cases")
class CaseOfficeApi {

    private final CaseImport imports;
    private final CaseHotspots hotspots;
    private final HotspotPrinter printer;

    CaseOfficeApi(CaseImport imports, CaseHotspots hotspots, HotspotPrinter printer) {
        this.imports = imports;
        this.hotspots = hotspots;
        this.printer = printer;
    }

    @PostMapping(path = "/api/cases/import", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Imports a day's 12345 work orders, a JSON array of intake bodies (as POST /api/cases), all or"
                    + " nothing: every row passes the same intake; any rejection writes nothing and answers 400 with"
                    + " one error per problem, field rows[n].<field> (n = position in the array from 1). At most"
                    + " dudao.import.max-rows rows")
    CaseImport.Result importJson(@RequestBody List<Cases.NewCase> orders) {
        return imports.fromJson(orders);
    }

    @PostMapping(path = "/api/cases/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Imports the work orders of an .xlsx in the template's layout (GET /api/cases/import.xlsx), all"
                    + " or nothing: rejections answer 400 with field rows[n].<field>, n the sheet's row number."
                    + " Bounded by dudao.import.* (rows, unpacked bytes, rejections listed)")
    CaseImport.Result importXlsx(@RequestPart("file") MultipartFile file) throws IOException {
        if (file.isEmpty()) throw InvalidInputException.of("file", "cases.import.empty");
        return imports.fromExcel(file.getBytes());
    }

    @GetMapping("/api/cases/import.xlsx")
    @Operation(summary = "The import template: the columns of an intake, and a sheet of channel and category codes")
    ResponseEntity<byte[]> template() {
        var file = imports.template();
        return Downloads.xlsx(file.name(), file.body());
    }

    @GetMapping("/api/cases/hotspots")
    @Operation(summary = "The hotspot reports (专报) of the offices in the caller's scope, newest first")
    List<HotspotView> hotspots() {
        return hotspots.list();
    }

    @PostMapping("/api/cases/hotspots")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Composes a draft 专报 {office, from, to, threshold (default dudao.cases.hotspot-threshold)}: the"
                    + " categories and subordinate units with more cases than the threshold, or more than in the"
                    + " previous period of equal length (office: director or administrator covering it)")
    HotspotView compose(@RequestBody CaseHotspots.HotspotRequest request, Locale locale) {
        return hotspots.compose(request, locale);
    }

    @GetMapping("/api/cases/hotspots/{id}")
    HotspotView hotspot(@PathVariable Long id) {
        return hotspots.get(id);
    }

    @PutMapping("/api/cases/hotspots/{id}")
    @Operation(summary = "Edits the intro of a draft {intro, version (409 when stale)}; 409 once issued")
    HotspotView edit(@PathVariable Long id, @RequestBody CaseHotspots.IntroForm form) {
        return hotspots.edit(id, form);
    }

    @PostMapping("/api/cases/hotspots/{id}/issue")
    @Operation(summary = "Issues the draft under the office's next 文号 of the year (gapless); read-only afterwards")
    HotspotView issue(@PathVariable Long id) {
        return hotspots.issue(id);
    }

    @GetMapping("/api/cases/hotspots/{id}.pdf")
    @Operation(summary = "The 专报 as PDF")
    ResponseEntity<byte[]> pdf(@PathVariable Long id, Locale locale) {
        return Downloads.file(printer.name(id) + ".pdf", MediaType.APPLICATION_PDF, printer.pdf(id, locale));
    }

    @GetMapping("/api/cases/hotspots/{id}.docx")
    @Operation(summary = "The 专报 as Word (.docx)")
    ResponseEntity<byte[]> docx(@PathVariable Long id, Locale locale) {
        return Downloads.file(printer.name(id) + ".docx", Downloads.DOCX, printer.docx(id, locale));
    }
}
