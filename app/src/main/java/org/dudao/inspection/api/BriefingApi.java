package org.dudao.inspection.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import org.dudao.inspection.BriefingRequest;
import org.dudao.inspection.BriefingView;
import org.dudao.inspection.Briefings;
import org.dudao.shared.web.Downloads;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "督导简报 Briefings")
class BriefingApi {

    private final Briefings briefings;

    BriefingApi(Briefings briefings) {
        this.briefings = briefings;
    }

    @GetMapping("/api/briefings")
    @Operation(summary = "Briefings of the offices in the caller's scope, newest first")
    List<BriefingView> list() {
        return briefings.list();
    }

    @PostMapping("/api/briefings")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Compose a draft briefing from the visits and findings of a period (office, title, from,"
                    + " until)")
    BriefingView create(@RequestBody BriefingRequest request, Locale locale) {
        return briefings.create(request, locale);
    }

    @GetMapping("/api/briefings/{id}")
    BriefingView get(@PathVariable Long id) {
        return briefings.get(id);
    }

    @PutMapping("/api/briefings/{id}")
    @Operation(summary = "Edit a draft's title, text and distribution list (send the version read)")
    BriefingView update(@PathVariable Long id, @RequestBody BriefingRequest request) {
        return briefings.update(id, request);
    }

    @PostMapping("/api/briefings/{id}/issue")
    @Operation(summary = "Issue the draft under the office's next number of the year (2026年第1期); read-only after")
    BriefingView issue(@PathVariable Long id) {
        return briefings.issue(id);
    }

    @GetMapping("/api/briefings/{id}.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable Long id, Locale locale) {
        return Downloads.file("briefing-" + id + ".pdf", MediaType.APPLICATION_PDF, briefings.pdf(id, locale));
    }

    @GetMapping("/api/briefings/{id}.docx")
    ResponseEntity<byte[]> docx(@PathVariable Long id, Locale locale) {
        return Downloads.file("briefing-" + id + ".docx", Downloads.DOCX, briefings.docx(id, locale));
    }
}
