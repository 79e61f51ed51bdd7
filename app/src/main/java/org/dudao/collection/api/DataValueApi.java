package org.dudao.collection.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.dudao.collection.internal.HistoryView;
import org.dudao.collection.internal.ValueBatches;
import org.dudao.collection.internal.ValueQueries;
import org.dudao.collection.internal.ValueView;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/data-values")
@Tag(name = "数据值 Data values")
class DataValueApi {

    private final ValueBatches batches;
    private final ValueQueries queries;
    private final MessageSource messages;

    DataValueApi(ValueBatches batches, ValueQueries queries, MessageSource messages) {
        this.batches = batches;
        this.queries = queries;
        this.messages = messages;
    }

    record BatchRequest(String period, List<ValueBatches.Entry> values) {}

    record RejectedView(int index, String orgUnit, String item, String reason) {}

    /** {@code rejected} lists the first rejections; {@code rejectedTotal} and {@code counts} count them all. */
    record BatchResponse(
            int imported,
            int updated,
            int unchanged,
            boolean dryRun,
            List<RejectedView> rejected,
            int rejectedTotal,
            java.util.Map<ValueBatches.Kind, Integer> counts,
            String detail) {}

    @PostMapping
    @Operation(
            summary = "Write a batch of values, all or nothing (400/403/404/409 with every rejected entry); changing a"
                    + " stored value needs the version read (-1: read none), else 409")
    ResponseEntity<BatchResponse> write(
            @RequestBody BatchRequest request, @RequestParam(defaultValue = "false") boolean dryRun) {
        ValueBatches.Report report = batches.write(request.period(), request.values(), dryRun, "API");
        return respond(report, messages);
    }

    static ResponseEntity<BatchResponse> respond(ValueBatches.Report report, MessageSource messages) {
        List<RejectedView> rejected = report.rejected().stream()
                .map(r -> new RejectedView(r.index(), r.orgUnit(), r.item(), r.reason()))
                .toList();
        HttpStatus status =
                HttpStatus.valueOf(ValueBatches.Kind.status(report.counts().keySet()));
        String detail = status == HttpStatus.OK
                ? null
                : messages.getMessage(
                        "collection.batch.rejected",
                        new Object[] {report.rejectedTotal()},
                        LocaleContextHolder.getLocale());
        return ResponseEntity.status(status)
                .body(new BatchResponse(
                        report.imported(),
                        report.updated(),
                        report.unchanged(),
                        report.dryRun(),
                        rejected,
                        report.rejectedTotal(),
                        report.counts(),
                        detail));
    }

    @GetMapping
    @Operation(summary = "Values of a unit (and with children=true of its direct children) for a period")
    List<ValueView> read(
            @RequestParam String orgUnit,
            @RequestParam String period,
            @RequestParam(required = false) String item,
            @RequestParam(defaultValue = "false") boolean children) {
        return queries.values(orgUnit, period, item, children);
    }

    @GetMapping("/history")
    @Operation(summary = "Every change of one value, old → new, newest first")
    List<HistoryView> history(@RequestParam String orgUnit, @RequestParam String item, @RequestParam String period) {
        return queries.history(orgUnit, item, period);
    }
}
