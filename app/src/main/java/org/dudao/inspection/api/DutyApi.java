package org.dudao.inspection.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import org.dudao.inspection.Rechecks;
import org.dudao.inspection.Summaries;
import org.dudao.inspection.SummaryRequest;
import org.dudao.inspection.SummaryView;
import org.dudao.inspection.WorkloadView;
import org.dudao.inspection.Workloads;
import org.dudao.rectification.ItemView;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The inspector's duties: 复核销号 of their findings' items, 一月一小结 / 半年一总结, and the workload report. */
@RestController
@Tag(name = "督学职责 Inspector duties")
class DutyApi {

    private final Rechecks rechecks;
    private final Summaries summaries;
    private final Workloads workloads;

    DutyApi(Rechecks rechecks, Summaries summaries, Workloads workloads) {
        this.rechecks = rechecks;
        this.summaries = summaries;
        this.workloads = workloads;
    }

    @GetMapping("/api/inspection/items")
    @Operation(
            summary = "Rectification items from inspection findings the caller reviews as inspector (found by them or"
                    + " of their schools), optionally of one status (REVIEW = 待复核, OPEN = not yet 销号)")
    List<ItemView> items(@RequestParam(required = false) String status) {
        return rechecks.mine(status);
    }

    record Review(String note) {}

    @PostMapping("/api/inspection/items/{id}/close")
    @Operation(summary = "销号 by the inspector after re-checking the school's report (待复核 → 已销号)")
    ItemView close(@PathVariable Long id, @RequestBody(required = false) Review review) {
        return rechecks.close(id, review == null ? null : review.note());
    }

    @PostMapping("/api/inspection/items/{id}/send-back")
    @Operation(summary = "退回 by the inspector, with the reason in `note` (待复核 → 整改中)")
    ItemView sendBack(@PathVariable Long id, @RequestBody(required = false) Review review) {
        return rechecks.sendBack(id, review == null ? null : review.note());
    }

    @GetMapping("/api/inspection/summaries")
    @Operation(
            summary = "一月一小结 / 半年一总结 duties with due day and state (OPEN, DUE, OVERDUE, ON_TIME, LATE): of one"
                    + " inspector (id), of the offices under a unit, or all the caller sees; `overdue=true` for overdue"
                    + " ones only")
    List<SummaryView> summaries(
            @RequestParam(required = false) Long inspector,
            @RequestParam(required = false) String unit,
            @RequestParam(required = false) Boolean overdue) {
        return summaries.list(inspector, unit, Boolean.TRUE.equals(overdue));
    }

    @PostMapping("/api/inspection/summaries")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "The inspector submits their summary: `kind` MONTH (period 2026-11) or HALF (period 2026-H1);"
                    + " resubmitting replaces the text, the first submission decides on time")
    SummaryView submit(@RequestBody SummaryRequest request) {
        return summaries.submit(request);
    }

    record Draft(String body) {}

    @GetMapping("/api/inspection/summaries/draft")
    @Operation(summary = "A draft of the caller's summary of a period, from its visits and findings")
    Draft draft(
            @RequestParam(required = false) Long inspector,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String period,
            Locale locale) {
        return new Draft(summaries.draft(inspector, kind, period, locale));
    }

    @GetMapping("/api/inspection/workload")
    @Operation(
            summary = "Workload per inspector of a unit in a month (yyyy-MM): visits, schools covered, findings,"
                    + " items opened and 销号 on time, the month's summary state")
    WorkloadView workload(@RequestParam String unit, @RequestParam(required = false) String month) {
        return workloads.month(unit, month);
    }
}
