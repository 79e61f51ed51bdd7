package org.dudao.report.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.dudao.report.internal.Assessment;
import org.dudao.report.internal.Assessments;
import org.dudao.report.internal.Dashboard;
import org.dudao.report.internal.Dashboards;
import org.dudao.report.internal.ReportExcel;
import org.dudao.report.internal.TargetForm;
import org.dudao.shared.ExcelBook;
import org.dudao.shared.web.Downloads;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/reports")
@Tag(name = "统计报表 Reports")
class ReportApi {

    private final Dashboards dashboards;
    private final Assessments assessments;
    private final ReportExcel excel;

    ReportApi(Dashboards dashboards, Assessments assessments, ReportExcel excel) {
        this.dashboards = dashboards;
        this.assessments = assessments;
        this.excel = excel;
    }

    @GetMapping("/dashboard")
    @Operation(
            summary = "Dashboard of a township, county or city for one project (defaults: the caller's scope root, "
                    + "the latest project of the year, this year): files by stage and status, grades, quota "
                    + "progress, vetoes, open rectification by age")
    Dashboard dashboard(
            @RequestParam(required = false) String orgUnit,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String project) {
        return dashboards.dashboard(orgUnit, year, project);
    }

    @GetMapping("/dashboard.xlsx")
    @Operation(summary = "The dashboard's tables as an Excel workbook, one sheet per table")
    ResponseEntity<byte[]> dashboardExcel(
            @RequestParam(required = false) String orgUnit,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String project) {
        ExcelBook.File file = excel.dashboard(orgUnit, year, project);
        return Downloads.xlsx(file.name(), file.body());
    }

    @GetMapping("/assessment")
    @Operation(
            summary = "目标考核 of the townships of a county or the counties of a city for a year: target, "
                    + "passed, weight, completion, deduction for items not rectified on time, score")
    Assessment assessment(
            @RequestParam(required = false) String orgUnit, @RequestParam(required = false) Integer year) {
        return assessments.assessment(orgUnit, year);
    }

    @GetMapping("/assessment.xlsx")
    @Operation(summary = "The 目标考核 table as an Excel workbook")
    ResponseEntity<byte[]> assessmentExcel(
            @RequestParam(required = false) String orgUnit, @RequestParam(required = false) Integer year) {
        ExcelBook.File file = excel.assessment(orgUnit, year);
        return Downloads.xlsx(file.name(), file.body());
    }

    @PutMapping("/assessment/{project}/targets/{orgUnit}")
    @Operation(
            summary = "Set a unit's target and weight in a project (null: back to the default); directors or "
                    + "administrators covering the project owner")
    Assessment.Line setTarget(
            @PathVariable String project, @PathVariable String orgUnit, @RequestBody TargetForm form) {
        return assessments.setTarget(project, orgUnit, form);
    }
}
