package org.dudao.rectification.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import org.dudao.rectification.Rectifications;
import org.dudao.shared.pdf.PdfRenderer;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/** Prints a 限期整改通知书 as PDF with the bundled CJK font. */
@Service
public class NoticePrinter {

    private final Rectifications rectifications;
    private final PdfRenderer pdf;
    private final MessageSource messages;

    private final Clock clock;

    NoticePrinter(Rectifications rectifications, PdfRenderer pdf, MessageSource messages, Clock clock) {
        this.rectifications = rectifications;
        this.pdf = pdf;
        this.messages = messages;
        this.clock = clock;
    }

    public byte[] pdf(Long id, Locale locale) {
        NoticeView n = rectifications.notice(id);
        LocalDate day = LocalDate.ofInstant(n.issuedAt(), clock.getZone());
        String issued = messages.getMessage(
                "rectification.notice.date",
                new Object[] {day.getYear(), day.getMonthValue(), day.getDayOfMonth()},
                locale);
        String reply = messages.getMessage(
                "rectification.notice.date",
                new Object[] {
                    n.replyBy().getYear(),
                    n.replyBy().getMonthValue(),
                    n.replyBy().getDayOfMonth()
                },
                locale);
        return pdf.render("pdf/rectification-notice", Map.of("n", n, "issued", issued, "reply", reply), locale);
    }
}
