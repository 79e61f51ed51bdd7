package org.dudao.rectification.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import org.dudao.rectification.ItemFilter;
import org.dudao.rectification.ItemView;
import org.dudao.rectification.Rectifications;
import org.dudao.rectification.internal.Escalations;
import org.dudao.rectification.internal.ItemsExcel;
import org.dudao.rectification.internal.NoticePrinter;
import org.dudao.rectification.internal.NoticeView;
import org.dudao.shared.ExcelBook;
import org.dudao.shared.web.Downloads;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "整改落实 Rectification")
class RectificationApi {

    private final Rectifications rectifications;
    private final Escalations escalations;
    private final NoticePrinter printer;
    private final ItemsExcel excel;

    RectificationApi(Rectifications rectifications, Escalations escalations, NoticePrinter printer, ItemsExcel excel) {
        this.rectifications = rectifications;
        this.excel = excel;
        this.escalations = escalations;
        this.printer = printer;
    }

    @GetMapping("/api/rectifications")
    @Operation(
            summary = "Rectification items in the caller's scope, filtered by unit (and everything under it), status"
                    + " (PLANNING, IN_PROGRESS, REVIEW, CLOSED or OPEN = not closed), current escalation level"
                    + " (REMINDER, CRITICISM, SUPERVISED, INTERVIEW), source (EVALUATION, …), township, overdue"
                    + " (true/false) and q (unit name or code, problem, requirement, plan or progress)")
    List<ItemView> list(ItemFilter filter) {
        return rectifications.list(filter);
    }

    @GetMapping("/api/rectifications.xlsx")
    @Operation(summary = "The same filtered list as an Excel workbook (整改事项台账)")
    ResponseEntity<byte[]> excel(ItemFilter filter) {
        ExcelBook.File file = excel.items(filter);
        return Downloads.xlsx(file.name(), file.body());
    }

    @PostMapping("/api/rectifications/escalations/run")
    @Operation(summary = "Run the escalation ladder now over the caller's subtrees (directors and administrators)")
    Escalations.Run escalate() {
        return escalations.escalateNow();
    }

    @GetMapping("/api/rectifications/{item}")
    ItemView get(@PathVariable Long item) {
        return rectifications.get(item);
    }

    record PlanRequest(String plan, String deadline) {}

    @PostMapping("/api/rectifications/{item}/plan")
    @Operation(summary = "The unit files its plan with a deadline (at most two years): 待制定方案 → 整改中")
    ItemView plan(@PathVariable Long item, @RequestBody PlanRequest request) {
        return rectifications.plan(item, request.plan(), request.deadline());
    }

    record ReportRequest(String progress, List<Long> evidence) {}

    @PostMapping("/api/rectifications/{item}/report")
    @Operation(summary = "The unit reports the work done with evidence: 整改中 → 待复核")
    ItemView report(@PathVariable Long item, @RequestBody ReportRequest request) {
        return rectifications.report(item, request.progress(), request.evidence());
    }

    record ReviewRequest(String reason) {}

    @PostMapping("/api/rectifications/{item}/close")
    @Operation(summary = "销号 after review: 待复核 → 已销号")
    ItemView close(@PathVariable Long item, @RequestBody(required = false) ReviewRequest request) {
        return rectifications.close(item, request == null ? null : request.reason());
    }

    @PostMapping("/api/rectifications/{item}/reject")
    @Operation(summary = "Send back for more work, with the reason: 待复核 → 整改中")
    ItemView reject(@PathVariable Long item, @RequestBody ReviewRequest request) {
        return rectifications.reject(item, request.reason());
    }

    record NoticeRequest(String orgUnit, String project, String replyBy) {}

    @PostMapping("/api/rectification-notices")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Issue a numbered 限期整改通知书 for a unit's open items from a project")
    NoticeView issue(@RequestBody NoticeRequest request) {
        return rectifications.issueNotice(request.orgUnit(), request.project(), request.replyBy());
    }

    @GetMapping("/api/rectification-notices/{notice}")
    NoticeView notice(@PathVariable Long notice) {
        return rectifications.notice(notice);
    }

    @GetMapping("/api/rectification-notices/{notice}/pdf")
    @Operation(summary = "The notice as a printable PDF")
    ResponseEntity<byte[]> pdf(@PathVariable Long notice, Locale locale) {
        return Downloads.file("notice-" + notice + ".pdf", MediaType.APPLICATION_PDF, printer.pdf(notice, locale));
    }
}
