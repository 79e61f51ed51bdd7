package org.dudao.inspection.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.List;
import org.dudao.evidence.EvidenceView;
import org.dudao.inspection.FindingRequest;
import org.dudao.inspection.VisitRequest;
import org.dudao.inspection.VisitView;
import org.dudao.inspection.Visits;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "督导 Visits")
class VisitApi {

    private final Visits visits;

    VisitApi(Visits visits) {
        this.visits = visits;
    }

    @PostMapping("/api/visits")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Plan a visit (七步法: 申报备案, 团队分工, 制定方案) to a school on a day")
    VisitView plan(@RequestBody VisitRequest request) {
        return visits.plan(request);
    }

    @GetMapping("/api/visits")
    @Operation(summary = "Visits the caller may see, optionally of one inspector (id), school and month (yyyy-MM)")
    List<VisitView> list(
            @RequestParam(required = false) Long inspector,
            @RequestParam(required = false) String school,
            @RequestParam(required = false) String month) {
        return visits.list(inspector, school, month);
    }

    @GetMapping("/api/visits/{id}")
    VisitView get(@PathVariable Long id) {
        return visits.get(id);
    }

    @PostMapping("/api/visits/{id}/check-in")
    @Operation(summary = "The inspector arrived at the school: PLANNED → CHECKED_IN")
    VisitView checkIn(@PathVariable Long id) {
        return visits.checkIn(id);
    }

    @PostMapping(value = "/api/visits/{id}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A photo taken on site (PNG or JPEG), stored as the school's evidence, for a finding")
    EvidenceView photo(@PathVariable Long id, @RequestPart("file") MultipartFile file) throws IOException {
        return visits.photo(id, file.getInputStream(), file.getOriginalFilename());
    }

    @PostMapping("/api/visits/{id}/findings")
    @Operation(
            summary = "A finding per supervision item, rated 好/较好/一般/差; `rectify:true` opens a rectification"
                    + " item (source INSPECTION) for the school")
    VisitView finding(@PathVariable Long id, @RequestBody FindingRequest request) {
        return visits.addFinding(id, request);
    }

    record ReportRequest(String report, String feedback) {}

    @PostMapping("/api/visits/{id}/report")
    @Operation(summary = "形成报告并反馈: CHECKED_IN → REPORTED")
    VisitView report(@PathVariable Long id, @RequestBody ReportRequest request) {
        return visits.report(
                id, request == null ? null : request.report(), request == null ? null : request.feedback());
    }

    @PostMapping("/api/visits/{id}/acknowledge")
    @Operation(summary = "The school's head acknowledges report and feedback: REPORTED → ACKNOWLEDGED")
    VisitView acknowledge(@PathVariable Long id) {
        return visits.acknowledge(id);
    }
}
