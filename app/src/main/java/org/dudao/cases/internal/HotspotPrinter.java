package org.dudao.cases.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dudao.shared.WordDocument;
import org.dudao.shared.pdf.PdfRenderer;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * A 专报 as PDF (OpenHTMLtoPDF with the bundled CJK font) and as Word (.docx): heading, 文号 once issued, intro, one
 * line per hotspot (its cases in the period against the previous one), and the office's 落款 with the date.
 */
@Service
public class HotspotPrinter {

    private final CaseHotspots hotspots;
    private final PdfRenderer pdf;
    private final MessageSource messages;
    private final java.time.Clock clock;

    HotspotPrinter(CaseHotspots hotspots, PdfRenderer pdf, MessageSource messages, java.time.Clock clock) {
        this.hotspots = hotspots;
        this.pdf = pdf;
        this.messages = messages;
        this.clock = clock;
    }

    /** The file name without extension: the 文号, or the draft's id. */
    public String name(Long id) {
        HotspotView h = hotspots.get(id);
        return h.number() != null ? h.number() : "hotspot-" + h.id();
    }

    public byte[] pdf(Long id, Locale locale) {
        HotspotView h = hotspots.get(id);
        return pdf.render(
                "pdf/case-hotspot",
                Map.of(
                        "h", h,
                        "intro", List.of(h.intro().split("\\R")),
                        "lines", h.hotspots().stream().map(x -> line(x, locale)).toList(),
                        "issued", issued(h, locale)),
                locale);
    }

    public byte[] docx(Long id, Locale locale) {
        HotspotView h = hotspots.get(id);
        WordDocument doc = new WordDocument().title(messages.getMessage("cases.hotspot.heading", null, locale), 22);
        if (h.number() != null) doc.centred(h.number());
        doc.centred(messages.getMessage(
                        "cases.hotspot.period",
                        new Object[] {
                            h.from().toString(),
                            h.to().toString(),
                            h.previousFrom().toString(),
                            h.previousTo().toString(),
                            h.threshold()
                        },
                        locale))
                .text(h.intro());
        if (h.hotspots().isEmpty()) doc.text(messages.getMessage("cases.hotspot.none", null, locale));
        for (HotspotView.Hotspot x : h.hotspots()) doc.text(line(x, locale));
        return doc.signed(h.issuer()).signed(issued(h, locale)).bytes();
    }

    /** One hotspot in words: 类别“投诉”：本期 25 件，上期 10 件（超过阈值、上升）. */
    public String line(HotspotView.Hotspot x, Locale locale) {
        String why = x.aboveThreshold() && x.rising()
                ? "cases.hotspot.why.both"
                : x.aboveThreshold() ? "cases.hotspot.why.threshold" : "cases.hotspot.why.rising";
        return messages.getMessage(
                "cases.hotspot.line." + x.kind(),
                new Object[] {x.name(), x.count(), x.previous(), messages.getMessage(why, null, locale)},
                locale);
    }

    private String issued(HotspotView h, Locale locale) {
        LocalDate day =
                h.issuedAt() == null ? LocalDate.now(clock) : LocalDate.ofInstant(h.issuedAt(), clock.getZone());
        return messages.getMessage(
                "cases.urge.date",
                new Object[] {String.valueOf(day.getYear()), day.getMonthValue(), day.getDayOfMonth()},
                locale);
    }
}
