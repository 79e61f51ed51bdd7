package org.dudao.cases.internal;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import org.dudao.shared.NotFoundException;
import org.dudao.shared.pdf.PdfRenderer;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/** Prints a case's numbered 催办通知书 as PDF with the bundled CJK font. */
@Service
public class CaseNoticePrinter {

    private final Cases cases;
    private final PdfRenderer pdf;
    private final MessageSource messages;
    private final java.time.Clock clock;

    CaseNoticePrinter(Cases cases, PdfRenderer pdf, MessageSource messages, java.time.Clock clock) {
        this.cases = cases;
        this.pdf = pdf;
        this.messages = messages;
        this.clock = clock;
    }

    /** The 文号 of the case's 催办通知书, for the file name (404 when none was issued). */
    public String number(Long id) {
        return urge(cases.get(id)).number();
    }

    public byte[] pdf(Long id, Locale locale) {
        CaseView c = cases.get(id);
        CaseView.EscalationView urge = urge(c);
        LocalDate day = LocalDate.ofInstant(urge.at(), clock.getZone());
        String issued = messages.getMessage(
                "cases.urge.date", new Object[] {day.getYear(), day.getMonthValue(), day.getDayOfMonth()}, locale);
        return pdf.render("pdf/case-urge", Map.of("c", c, "urge", urge, "issued", issued), locale);
    }

    private static CaseView.EscalationView urge(CaseView c) {
        return c.escalations().stream()
                .filter(e -> e.stage().equals("URGE"))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("notice of case " + c.id()));
    }
}
