package org.dudao.rectification.internal;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Sheet;
import org.dudao.rectification.ItemFilter;
import org.dudao.rectification.ItemView;
import org.dudao.rectification.Rectifications;
import org.dudao.shared.ExcelBook;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The rectification list as the screen filters it (整改事项台账), for sending upward: the same rows, points and
 * days as numbers, dates as written, the drafting time in the configured zone.
 */
@Component
public class ItemsExcel {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Rectifications rectifications;
    private final MessageSource messages;
    private final Clock clock;

    ItemsExcel(Rectifications rectifications, MessageSource messages, Clock clock) {
        this.rectifications = rectifications;
        this.messages = messages;
        this.clock = clock;
    }

    public ExcelBook.File items(ItemFilter filter) {
        List<ItemView> items = rectifications.list(filter);
        try (ExcelBook book = new ExcelBook(this::text)) {
            Sheet sheet = book.sheet(
                    "rectification.export.sheet",
                    "rectification.field.no",
                    "rectification.field.unitCode",
                    "rectification.field.unit",
                    "rectification.field.township",
                    "rectification.field.source",
                    "rectification.field.sourceRef",
                    "rectification.field.problem",
                    "rectification.field.requirement",
                    "rectification.field.pointsLost",
                    "rectification.field.status",
                    "rectification.overdue",
                    "rectification.escalation.label",
                    "rectification.field.deadline",
                    "rectification.field.drafted",
                    "rectification.field.age",
                    "rectification.field.plan",
                    "rectification.field.progress",
                    "rectification.field.review");
            int n = 0;
            for (ItemView i : items) {
                book.row(
                        sheet,
                        ++n,
                        i.orgUnit(),
                        i.unitName(),
                        i.township(),
                        text("rectification.source." + i.source()),
                        i.sourceRef(),
                        i.problem(),
                        i.requirement(),
                        i.pointsLost(),
                        text("rectification.status." + i.status()),
                        i.overdue() ? text("rectification.overdue") : null,
                        i.escalation() == null ? null : text("rectification.escalation." + i.escalation()),
                        i.deadline() == null ? null : i.deadline().toString(),
                        i.draftedAt() == null
                                ? null
                                : MINUTES.format(i.draftedAt().atZone(clock.getZone())),
                        i.ageDays(),
                        i.plan(),
                        i.progress(),
                        i.reviewNote());
            }
            return book.file(text("rectification.export.file"));
        }
    }

    private String text(String key, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, args, key, locale);
    }
}
