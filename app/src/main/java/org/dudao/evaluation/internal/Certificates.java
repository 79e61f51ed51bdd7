package org.dudao.evaluation.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import org.dudao.evaluation.Evaluations;
import org.dudao.shared.pdf.PdfRenderer;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/** Prints the plaque certificate (授牌证书) with the result notice as PDF, with the bundled CJK font. */
@Service
public class Certificates {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private final Evaluations evaluations;
    private final PdfRenderer pdf;
    private final MessageSource messages;

    Certificates(Evaluations evaluations, PdfRenderer pdf, MessageSource messages) {
        this.evaluations = evaluations;
        this.pdf = pdf;
        this.messages = messages;
    }

    public byte[] certificatePdf(String projectCode, String unitCode, Locale locale) {
        Certificate c = evaluations.certificate(projectCode, unitCode);
        LocalDate day = LocalDate.ofInstant(c.certifiedAt(), ZONE);
        String date = messages.getMessage(
                "evaluation.certificate.date",
                new Object[] {day.getYear(), day.getMonthValue(), day.getDayOfMonth()},
                locale);
        String total = c.total() == null
                ? ""
                : BigDecimal.valueOf(c.total()).stripTrailingZeros().toPlainString();
        return pdf.render("pdf/evaluation-certificate", Map.of("c", c, "date", date, "total", total), locale);
    }
}
