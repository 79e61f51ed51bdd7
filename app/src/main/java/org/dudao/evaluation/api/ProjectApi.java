package org.dudao.evaluation.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dudao.evaluation.BulkScoring;
import org.dudao.evaluation.EvaluationDetail;
import org.dudao.evaluation.EvaluationView;
import org.dudao.evaluation.Evaluations;
import org.dudao.evaluation.ObjectionView;
import org.dudao.evaluation.ProjectForm;
import org.dudao.evaluation.Projects;
import org.dudao.evaluation.TransitionRequest;
import org.dudao.evaluation.internal.Certificates;
import org.dudao.evaluation.internal.EvaluationEvidence;
import org.dudao.evaluation.internal.ExpertGroups;
import org.dudao.evaluation.internal.FileFilter;
import org.dudao.evaluation.internal.GroupForm;
import org.dudao.evaluation.internal.GroupView;
import org.dudao.evaluation.internal.ProjectCollection;
import org.dudao.evaluation.internal.ProjectView;
import org.dudao.evaluation.internal.QuotaView;
import org.dudao.evaluation.internal.Quotas;
import org.dudao.evaluation.internal.ResultsExcel;
import org.dudao.evaluation.internal.ScoreSheet;
import org.dudao.evidence.EvidenceTooLargeException;
import org.dudao.evidence.EvidenceView;
import org.dudao.shared.ExcelBook;
import org.dudao.shared.web.Downloads;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
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
@RequestMapping("/api/projects")
@Tag(name = "评估项目 Evaluation projects")
class ProjectApi {

    private final Projects projects;
    private final ExpertGroups groups;
    private final Quotas quotas;
    private final Evaluations evaluations;
    private final Certificates certificates;
    private final BulkScoring bulk;
    private final EvaluationEvidence evidence;
    private final ResultsExcel results;
    private final ProjectCollection collection;
    private final MessageSource messages;

    ProjectApi(
            Projects projects,
            ExpertGroups groups,
            Quotas quotas,
            Evaluations evaluations,
            Certificates certificates,
            BulkScoring bulk,
            EvaluationEvidence evidence,
            ResultsExcel results,
            ProjectCollection collection,
            MessageSource messages) {
        this.projects = projects;
        this.groups = groups;
        this.quotas = quotas;
        this.evaluations = evaluations;
        this.certificates = certificates;
        this.bulk = bulk;
        this.evidence = evidence;
        this.results = results;
        this.collection = collection;
        this.messages = messages;
    }

    @GetMapping
    @Operation(summary = "Projects the caller may read")
    List<ProjectView> list() {
        return projects.list();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary =
                    "Create a yearly project: scheme version (locked from now on), candidate schools, deadline, quota",
            description =
                    "unitKinds names the evaluated org kinds (COUNTY, TOWNSHIP, PARTY_BRANCH, 小学…); template"
                            + " (STANDARDIZATION, ADVANCED_COUNTY, TOWNSHIP_DUZHENG, EQUIPMENT_DEMO, PARTY_BRANCH_STARS) or"
                            + " chain [{level: SELF|COUNTY|CITY|PROVINCE, scores, approves, publicityDays, certificate}] sets"
                            + " the review chain; without them the standardization chain. A bad chain is a 400 naming the field.")
    ProjectView create(@RequestBody ProjectForm form) {
        return projects.create(form);
    }

    @GetMapping("/{project}")
    ProjectView get(@PathVariable String project) {
        return projects.get(project);
    }

    @GetMapping("/{project}/quota")
    @Operation(summary = "Quota plan and progress: target, passed (awarded), files by stage, other years")
    QuotaView quota(@PathVariable String project) {
        return quotas.quota(project);
    }

    /** {@code version}: the project's version read (409 when it changed meanwhile). */
    record QuotaPlanRequest(Integer primary, Integer secondary, Integer version) {}

    @PutMapping("/{project}/quota")
    @Operation(summary = "Edit the quota plan (小学 + 中学); send the project's version read (409 when stale)")
    ProjectView planQuota(@PathVariable String project, @RequestBody QuotaPlanRequest request) {
        return quotas.planQuota(project, request.primary(), request.secondary(), request.version());
    }

    @PostMapping("/{project}/collection")
    @Operation(
            summary = "Issue the project's data collection task to its schools (once): enrolment and every item"
                    + " the scheme reads, for the project year, due on the application deadline")
    ProjectView issueCollection(@PathVariable String project) {
        return collection.issue(project);
    }

    @PostMapping("/{project}/score-all")
    @Operation(summary = "Score every open file of the project from stored data in one run (lean engine path)")
    BulkScoring.Run scoreAll(@PathVariable String project) {
        return bulk.scoreAll(project);
    }

    @GetMapping("/{project}/groups")
    List<GroupView> groups(@PathVariable String project) {
        return groups.groups(project);
    }

    @PostMapping("/{project}/groups")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Form an expert group (COUNTY 初评, CITY 复核 or PROVINCE) and assign it units")
    GroupView addGroup(@PathVariable String project, @RequestBody GroupForm form) {
        return groups.addGroup(project, form);
    }

    @GetMapping("/{project}/evaluations")
    @Operation(
            summary = "The schools' files the caller may read: stage, status, total, grade, vetoes; filtered by"
                    + " stage (SELF, COUNTY, CITY, APPROVAL, CERTIFIED, RESULT), grade, township or unit (under) and name or"
                    + " code (q); sort=total ranks by total")
    List<EvaluationView> evaluations(@PathVariable String project, FileFilter filter) {
        return evaluations.list(project, filter);
    }

    @GetMapping("/{project}/evaluations.xlsx")
    @Operation(summary = "The same list as an Excel result table (ranked with sort=total)")
    ResponseEntity<byte[]> evaluationsExcel(@PathVariable String project, FileFilter filter) {
        ExcelBook.File file = results.results(project, filter);
        return Downloads.xlsx(file.name(), file.body());
    }

    @GetMapping("/{project}/evaluations/{orgUnit}")
    @Operation(summary = "One file with its live score sheet, history, expert sheets, objections and allowed actions")
    EvaluationDetail detail(@PathVariable String project, @PathVariable String orgUnit) {
        return evaluations.detail(project, orgUnit);
    }

    @PutMapping("/{project}/evaluations/{orgUnit}/self")
    @Operation(summary = "The school's self-scores of manual indicators (自评); answers the live score")
    EvaluationView selfScore(
            @PathVariable String project, @PathVariable String orgUnit, @RequestBody ScoreSheet sheet) {
        return evaluations.selfScore(project, orgUnit, sheet);
    }

    @PutMapping("/{project}/evaluations/{orgUnit}/expert-score")
    @Operation(summary = "The caller's own expert sheet at the level being scored (group members only)")
    EvaluationDetail.Sheet expertScore(
            @PathVariable String project, @PathVariable String orgUnit, @RequestBody ScoreSheet sheet) {
        return evaluations.expertScore(project, orgUnit, sheet);
    }

    @PostMapping("/{project}/evaluations/{orgUnit}/transitions")
    @Operation(summary = "submit | return | score | approve | certify; 409 with the reason when not allowed")
    EvaluationView transition(
            @PathVariable String project, @PathVariable String orgUnit, @RequestBody TransitionRequest request) {
        return evaluations.transition(project, orgUnit, request);
    }

    record ExtensionRequest(String until) {}

    @PostMapping("/{project}/evaluations/{orgUnit}/extension")
    @Operation(summary = "Let one school apply after the deadline, until the given date")
    EvaluationView extend(
            @PathVariable String project, @PathVariable String orgUnit, @RequestBody ExtensionRequest request) {
        return evaluations.extend(project, orgUnit, request.until());
    }

    @GetMapping("/{project}/evaluations/{orgUnit}/certificate.pdf")
    @Operation(summary = "The plaque certificate and result notice of an awarded school (PDF)")
    ResponseEntity<byte[]> certificate(@PathVariable String project, @PathVariable String orgUnit, Locale locale) {
        return Downloads.file(
                "certificate-" + orgUnit + ".pdf",
                MediaType.APPLICATION_PDF,
                certificates.certificatePdf(project, orgUnit, locale));
    }

    @GetMapping("/{project}/evaluations/{orgUnit}/evidence")
    @Operation(summary = "The school's self-evaluation files per manual indicator")
    Map<String, List<EvidenceView>> selfEvidence(@PathVariable String project, @PathVariable String orgUnit) {
        return evidence.selfEvidence(project, orgUnit);
    }

    @PostMapping(path = "/{project}/evaluations/{orgUnit}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "The school attaches a file to a manual indicator of its self-evaluation (draft only)")
    EvidenceView attach(
            @PathVariable String project,
            @PathVariable String orgUnit,
            @RequestPart("file") MultipartFile file,
            @RequestParam String indicator)
            throws IOException {
        return evidence.attach(project, orgUnit, indicator, file.getInputStream(), file.getOriginalFilename());
    }

    @PostMapping(path = "/{project}/evaluations/{orgUnit}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "An on-site photo (JPG/PNG) of the school by a member of the expert group now scoring it;"
                    + " name its id in the expert sheet's evidence")
    EvidenceView photo(
            @PathVariable String project, @PathVariable String orgUnit, @RequestPart("file") MultipartFile file)
            throws IOException {
        return evidence.photo(project, orgUnit, file.getInputStream(), file.getOriginalFilename());
    }

    @ExceptionHandler(EvidenceTooLargeException.class)
    ProblemDetail tooLarge(EvidenceTooLargeException e) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(
                HttpStatus.PAYLOAD_TOO_LARGE,
                messages.getMessage(
                        "evidence.error.too-large",
                        new Object[] {e.limitBytes() / (1024 * 1024)},
                        LocaleContextHolder.getLocale()));
        pd.setTitle(messages.getMessage("status.413", null, LocaleContextHolder.getLocale()));
        return pd;
    }

    record AnswerRequest(String answer) {}

    @PostMapping("/{project}/evaluations/{orgUnit}/objections/{id}/answer")
    @Operation(summary = "Answer an objection raised during 公示")
    ObjectionView answer(
            @PathVariable String project,
            @PathVariable String orgUnit,
            @PathVariable Long id,
            @RequestBody AnswerRequest request) {
        return evaluations.answer(project, orgUnit, id, request.answer());
    }
}
