package org.dudao.inspection.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import org.dudao.inspection.CalendarView;
import org.dudao.inspection.Calendars;
import org.dudao.inspection.PlaqueMessageView;
import org.dudao.inspection.Plaques;
import org.dudao.shared.web.Downloads;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "挂牌督导 Plaques and 工作月历")
class PlaqueApi {

    private final Plaques plaques;
    private final Calendars calendars;

    PlaqueApi(Plaques plaques, Calendars calendars) {
        this.plaques = plaques;
        this.calendars = calendars;
    }

    @GetMapping("/api/inspection/calendar")
    @Operation(
            summary = "工作月历: each school of a unit with its planned and done visits of the month (yyyy-MM,"
                    + " default this month) and visited true/false")
    CalendarView calendar(@RequestParam String unit, @RequestParam(required = false) String month) {
        return calendars.month(unit, month);
    }

    @GetMapping("/api/plaques/{schoolCode}.pdf")
    @Operation(summary = "The printable plaque of a school with its QR code: format A4 (default) or 60x40 (cm)")
    ResponseEntity<byte[]> pdf(
            @PathVariable String schoolCode, @RequestParam(required = false) String format, Locale locale) {
        byte[] file = plaques.pdf(schoolCode, format, locale);
        return Downloads.file("plaque-" + schoolCode + ".pdf", MediaType.APPLICATION_PDF, file);
    }

    @GetMapping("/api/inspection/messages")
    @Operation(
            summary = "Messages the public left on plaque pages: to the caller as inspector, and under the"
                    + " caller's offices")
    List<PlaqueMessageView> messages() {
        return plaques.messages();
    }
}
