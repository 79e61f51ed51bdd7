package org.dudao.inspection.internal;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Sheet;
import org.dudao.inspection.WorkloadView;
import org.dudao.shared.ExcelBook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The workload table as the screen shows it, counts as numbers, with the export time in the configured zone. */
@Component
public class WorkloadExcel {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final MessageSource messages;
    private final Clock clock;

    WorkloadExcel(MessageSource messages, Clock clock) {
        this.messages = messages;
        this.clock = clock;
    }

    public ExcelBook.File workbook(WorkloadView w, Locale locale) {
        try (ExcelBook book = new ExcelBook(key -> messages.getMessage(key, null, key, locale))) {
            Sheet sheet = book.sheet(
                    "inspection.workload.sheet",
                    "inspection.field.inspector",
                    "inspection.workload.visits",
                    "inspection.workload.schools",
                    "inspection.workload.findings",
                    "inspection.workload.rectified",
                    "inspection.workload.closed-on-time",
                    "inspection.workload.summary");
            for (WorkloadView.Row r : w.rows()) {
                book.row(
                        sheet,
                        r.inspectorName(),
                        r.visits(),
                        r.schools(),
                        r.findings(),
                        r.rectified(),
                        r.closedOnTime(),
                        r.summary() == null
                                ? ""
                                : messages.getMessage("inspection.summary.state." + r.summary(), null, locale));
            }
            book.row(sheet);
            book.row(
                    sheet,
                    messages.getMessage(
                            "inspection.workload.exported",
                            new Object[] {w.unitName(), w.month(), MINUTES.format(ZonedDateTime.now(clock))},
                            locale));
            return book.file("workload-" + w.unit() + "-" + w.month() + ".xlsx");
        }
    }
}
