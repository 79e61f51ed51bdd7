package org.dudao.evidence.web;

import org.dudao.evidence.EvidenceStore;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The screens' link to a file (forms, self-evaluation, expert sheets); the URL predates the evidence feature. */
@Controller
class EvidenceFileController {

    private final EvidenceStore store;

    EvidenceFileController(EvidenceStore store) {
        this.store = store;
    }

    @GetMapping("/collection/evidence/{id}")
    ResponseEntity<Resource> download(@PathVariable Long id, @RequestParam(defaultValue = "false") boolean inline) {
        return EvidenceDownload.of(store.open(id), inline);
    }
}
