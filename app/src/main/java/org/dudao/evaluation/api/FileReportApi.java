package org.dudao.evaluation.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import org.dudao.evaluation.internal.Dossiers;
import org.dudao.evaluation.internal.RankingView;
import org.dudao.evaluation.internal.Rankings;
import org.dudao.evaluation.internal.SelfReportRequest;
import org.dudao.evaluation.internal.SelfReportView;
import org.dudao.evaluation.internal.SelfReports;
import org.dudao.shared.ExcelBook;
import org.dudao.shared.web.Downloads;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A file's 自评报告 with its 专题报告, its 资料汇编, and a project's ranking (督政 results). */
@RestController
@RequestMapping("/api/projects/{project}")
@Tag(name = "评估项目 Evaluation projects")
class FileReportApi {

    private final SelfReports reports;
    private final Dossiers dossiers;
    private final Rankings rankings;

    FileReportApi(SelfReports reports, Dossiers dossiers, Rankings rankings) {
        this.reports = reports;
        this.dossiers = dossiers;
        this.rankings = rankings;
    }

    @GetMapping("/evaluations/{orgUnit}/report")
    @Operation(
            summary = "The unit's self-evaluation report (自评报告)",
            description = "One section per first-level indicator with its score and stored figures (text prefilled "
                    + "until the unit writes it), and a 专题报告 per hard indicator not met (THRESHOLD leaves, vetoes); "
                    + "`missingTopics` blocks the submission of units that are not schools.")
    SelfReportView report(@PathVariable String project, @PathVariable String orgUnit, Locale locale) {
        return reports.view(project, orgUnit, locale);
    }

    @PutMapping("/evaluations/{orgUnit}/report")
    @Operation(
            summary = "Write parts of the self-evaluation report",
            description = "`{\"sections\":{\"A\":\"…\"},\"topics\":{\"C1\":\"…\"}}`; only the codes given change, a "
                    + "blank text clears a part; the unit's clerk or head while the self-evaluation is a draft.")
    SelfReportView write(
            @PathVariable String project,
            @PathVariable String orgUnit,
            @RequestBody SelfReportRequest request,
            Locale locale) {
        return reports.save(project, orgUnit, request, locale);
    }

    @GetMapping("/evaluations/{orgUnit}/report.pdf")
    @Operation(summary = "The self-evaluation report as PDF")
    ResponseEntity<byte[]> reportPdf(@PathVariable String project, @PathVariable String orgUnit, Locale locale) {
        return Downloads.file(
                "self-report-" + orgUnit + ".pdf", MediaType.APPLICATION_PDF, reports.pdf(project, orgUnit, locale));
    }

    @GetMapping("/evaluations/{orgUnit}/report.docx")
    @Operation(summary = "The self-evaluation report as Word")
    ResponseEntity<byte[]> reportDocx(@PathVariable String project, @PathVariable String orgUnit, Locale locale) {
        return Downloads.file(
                "self-report-" + orgUnit + ".docx", Downloads.DOCX, reports.docx(project, orgUnit, locale));
    }

    @GetMapping("/evaluations/{orgUnit}/dossier.zip")
    @Operation(
            summary = "The file's dossier (资料汇编) as ZIP",
            description = "A table of contents (PDF), the self-evaluation report (PDF, Word), scores of every level "
                    + "with history and decision (PDF), and the evidence in one folder per indicator.")
    ResponseEntity<Resource> dossier(@PathVariable String project, @PathVariable String orgUnit, Locale locale) {
        return Downloads.temporary(
                "dossier-" + orgUnit + ".zip",
                MediaType.parseMediaType("application/zip"),
                dossiers.zip(project, orgUnit, locale));
    }

    @GetMapping("/ranking")
    @Operation(
            summary = "The project's units ranked by total score",
            description = "The office sees it at once; the evaluated units once it is published.")
    RankingView ranking(@PathVariable String project) {
        return rankings.ranking(project);
    }

    @GetMapping("/ranking.xlsx")
    @Operation(summary = "The ranking as Excel")
    ResponseEntity<byte[]> rankingExcel(@PathVariable String project, Locale locale) {
        ExcelBook.File file = rankings.excel(project, locale);
        return Downloads.xlsx(file.name(), file.body());
    }

    /** Whether the published ranking also goes on the page without login. */
    record PublishRequest(Boolean publicPage) {}

    @PostMapping("/ranking/publish")
    @Operation(
            summary = "Publish the ranking to the evaluated units",
            description = "`{\"publicPage\":true}` also shows it at /public/projects/{project}/ranking.")
    RankingView publish(@PathVariable String project, @RequestBody(required = false) PublishRequest request) {
        return rankings.publish(project, request != null && Boolean.TRUE.equals(request.publicPage()));
    }
}
