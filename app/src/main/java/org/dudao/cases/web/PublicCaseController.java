package org.dudao.cases.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import org.dudao.cases.internal.Cases;
import org.dudao.cases.internal.PublicCases;
import org.dudao.shared.InvalidInputException;
import org.dudao.shared.NotFoundException;
import org.dudao.shared.web.FormFailures;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The public pages (no login, rate limited per client address with every page under /public/): filing a case,
 * answered with its tracking code, and tracking it by that code. A refused form comes back with 400 and the
 * messages next to the fields.
 */
@Controller
class PublicCaseController {

    private final PublicCases publicCases;
    private final Cases cases;
    private final MessageSource messages;

    PublicCaseController(PublicCases publicCases, Cases cases, MessageSource messages) {
        this.publicCases = publicCases;
        this.cases = cases;
        this.messages = messages;
    }

    @GetMapping("/public/cases/new")
    String form(Model model) {
        return formPage(
                model, new PublicCases.Filing("COMPLAINT", null, null, null, null, null, null, null, null), Map.of());
    }

    @PostMapping("/public/cases/new")
    String file(
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String description,
            @RequestParam(required = false) String unit,
            @RequestParam(required = false) String address,
            @RequestParam(required = false) String latitude,
            @RequestParam(required = false) String longitude,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String phone,
            @RequestParam(required = false) String website,
            @RequestParam(required = false) MultipartFile photo,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response,
            Locale locale) {
        PublicCases.Filing filing =
                new PublicCases.Filing(category, description, unit, address, latitude, longitude, name, phone, website);
        try {
            String code = publicCases.file(filing, photo(photo));
            redirect.addFlashAttribute("filed", true);
            redirect.addAttribute("code", code);
            return "redirect:/public/cases/track";
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return formPage(model, filing, FormFailures.messages(e, messages, locale));
        }
    }

    @GetMapping("/public/cases/track")
    String track(@RequestParam(required = false) String code, Model model, HttpServletResponse response) {
        model.addAttribute("code", code);
        if (code != null && !code.isBlank()) {
            try {
                model.addAttribute("c", publicCases.track(code));
            } catch (NotFoundException e) {
                // a robot that filled in the honeypot is shown its code like anyone else
                if (model.containsAttribute("filed")) return "cases/public-track";
                response.setStatus(HttpServletResponse.SC_NOT_FOUND);
                model.addAttribute("unknown", true);
            }
        }
        return "cases/public-track";
    }

    private String formPage(Model model, PublicCases.Filing filing, Map<String, String> errors) {
        model.addAttribute("form", filing);
        model.addAttribute("errors", errors);
        model.addAttribute("categories", cases.categories());
        model.addAttribute("units", publicCases.units());
        model.addAttribute("photoMb", PublicCases.PHOTO_MAX_BYTES / (1024 * 1024));
        return "cases/public-new";
    }

    private static PublicCases.Photo photo(MultipartFile file) {
        if (file == null || file.isEmpty()) return null;
        return new PublicCases.Photo(file.getOriginalFilename(), file.getSize(), () -> {
            try {
                return file.getInputStream();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
