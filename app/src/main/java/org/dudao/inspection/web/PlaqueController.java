package org.dudao.inspection.web;

import java.util.List;
import java.util.Locale;
import org.dudao.evidence.EvidenceStore;
import org.dudao.inspection.Plaques;
import org.dudao.inspection.SupervisionItem;
import org.dudao.shared.InvalidInputException;
import org.dudao.shared.web.FormFailures;
import org.springframework.context.MessageSource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The public 挂牌 page of a school (no login, rate limited with the other public pages): its inspector, the five
 * duties and eight supervision items, a form to write to the inspector, the QR code and the inspector's photo.
 */
@Controller
class PlaqueController {

    private final Plaques plaques;
    private final MessageSource messages;

    PlaqueController(Plaques plaques, MessageSource messages) {
        this.plaques = plaques;
        this.messages = messages;
    }

    @GetMapping("/public/plaques/{schoolCode}")
    String page(@PathVariable String schoolCode, Model model) {
        model.addAttribute("p", plaques.plaque(schoolCode));
        model.addAttribute("items", List.of(SupervisionItem.values()));
        return "inspection/plaque";
    }

    @GetMapping("/public/plaques/{schoolCode}/qr.png")
    ResponseEntity<byte[]> qr(@PathVariable String schoolCode) {
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_PNG)
                .cacheControl(CacheControl.noCache())
                .body(plaques.qr(schoolCode));
    }

    @GetMapping("/public/plaques/{schoolCode}/photo")
    ResponseEntity<Resource> photo(@PathVariable String schoolCode) {
        EvidenceStore.StoredFile file = plaques.photo(schoolCode);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.view().contentType()))
                .cacheControl(CacheControl.noCache())
                .body(new FileSystemResource(file.path()));
    }

    @PostMapping("/public/plaques/{schoolCode}/messages")
    String message(
            @PathVariable String schoolCode,
            @RequestParam(required = false) String body,
            @RequestParam(required = false) String contact,
            @RequestParam(required = false) String website,
            RedirectAttributes redirect,
            Locale locale) {
        try {
            plaques.leaveMessage(schoolCode, body, contact, website);
            redirect.addFlashAttribute("sent", true);
        } catch (InvalidInputException e) {
            FormFailures.flash(e, messages, locale, redirect);
        }
        return "redirect:/public/plaques/" + schoolCode;
    }
}
