package org.dudao.evidence.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.dudao.evidence.EvidenceStore;
import org.dudao.evidence.EvidenceTooLargeException;
import org.dudao.evidence.EvidenceView;
import org.dudao.evidence.web.EvidenceDownload;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/evidence")
@Tag(name = "佐证材料 Evidence")
class EvidenceApi {

    private final EvidenceStore store;
    private final MessageSource messages;

    EvidenceApi(EvidenceStore store, MessageSource messages) {
        this.store = store;
        this.messages = messages;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Attach a PDF, JPG/PNG, DOCX or XLSX (type checked from the content) to a unit + period"
                    + " (+ item) or a task")
    EvidenceView upload(
            @RequestPart("file") MultipartFile file,
            @RequestParam String orgUnit,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) String item,
            @RequestParam(required = false) Long task)
            throws IOException {
        return store.upload(file.getInputStream(), file.getOriginalFilename(), orgUnit, period, item, task);
    }

    @GetMapping
    @Operation(summary = "Evidence of a unit, optionally of one period, item or task")
    List<EvidenceView> list(
            @RequestParam String orgUnit,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) String item,
            @RequestParam(required = false) Long task) {
        return store.list(orgUnit, period, item, task);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Download (or with inline=true preview PDF and images) a file in the caller's scope")
    ResponseEntity<Resource> download(@PathVariable Long id, @RequestParam(defaultValue = "false") boolean inline) {
        return EvidenceDownload.of(store.open(id), inline);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a file (the audit log keeps who deleted what and when)")
    void delete(@PathVariable Long id) {
        store.delete(id);
    }

    @ExceptionHandler(EvidenceTooLargeException.class)
    ProblemDetail tooLarge(EvidenceTooLargeException e) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(
                HttpStatus.PAYLOAD_TOO_LARGE,
                messages.getMessage(
                        "evidence.error.too-large",
                        new Object[] {e.limitBytes() / (1024 * 1024)},
                        LocaleContextHolder.getLocale()));
        pd.setType(URI.create("about:blank"));
        pd.setTitle(messages.getMessage("status.413", null, LocaleContextHolder.getLocale()));
        return pd;
    }
}
