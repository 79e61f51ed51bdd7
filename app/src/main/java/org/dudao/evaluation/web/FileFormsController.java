package org.dudao.evaluation.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dudao.evaluation.Evaluations;
import org.dudao.evaluation.ManualEntry;
import org.dudao.evaluation.TransitionRequest;
import org.dudao.evaluation.internal.EvaluationEvidence;
import org.dudao.evaluation.internal.ScoreSheet;
import org.dudao.evidence.EvidenceTooLargeException;
import org.dudao.evidence.EvidenceView;
import org.dudao.shared.ConflictException;
import org.dudao.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The forms of one file's page: the school's self-evaluation with its evidence, an expert's sheet with on-site
 * photos, the leader's consolidation and the owner's deadline extension. Bad input shows the page again with
 * the messages next to the fields; a refused step comes back as a message on top.
 */
@Controller
class FileFormsController {

    private final Evaluations evaluations;
    private final EvaluationEvidence evidence;
    private final EvaluationPages pages;

    FileFormsController(Evaluations evaluations, EvaluationEvidence evidence, EvaluationPages pages) {
        this.evaluations = evaluations;
        this.evidence = evidence;
        this.pages = pages;
    }

    /** Saves the self-scores; with htmx only the self-evaluation part comes back, with the new live score. */
    @PostMapping("/evaluation/{project}/{orgUnit}/self")
    String selfScore(
            @PathVariable String project,
            @PathVariable String orgUnit,
            @RequestParam MultiValueMap<String, String> params,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model,
            RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, ManualEntry> manual = manual(params, errors);
        try {
            if (errors.isEmpty()) {
                evaluations.selfScore(project, orgUnit, new ScoreSheet(manual, null, null, null));
                model.addAttribute("saved", true);
            }
        } catch (InvalidInputException e) {
            errors.putAll(pages.errors(e.problems()));
        } catch (ConflictException e) {
            model.addAttribute("error", pages.text(e.getMessage(), e.args()));
        }
        if (!errors.isEmpty()) {
            posted(model, "self", errors, params.toSingleValueMap());
        }
        if (htmx == null && errors.isEmpty() && !model.containsAttribute("error")) {
            redirect.addFlashAttribute("done", "self");
            return "redirect:/evaluation/" + project + "/" + orgUnit + "#self-eval";
        }
        String page = pages.file(project, orgUnit, model);
        return htmx == null ? page : "evaluation/file-self :: self-eval";
    }

    @PostMapping("/evaluation/{project}/{orgUnit}/evidence")
    String attach(
            @PathVariable String project,
            @PathVariable String orgUnit,
            @RequestParam(required = false) String indicator,
            @RequestParam(required = false) MultipartFile file,
            RedirectAttributes redirect)
            throws IOException {
        upload(
                file,
                redirect,
                "evidence",
                () -> evidence.attach(project, orgUnit, indicator, file.getInputStream(), file.getOriginalFilename()));
        return "redirect:/evaluation/" + project + "/" + orgUnit + "#self-eval";
    }

    @PostMapping("/evaluation/{project}/{orgUnit}/evidence/{id}/delete")
    String detach(
            @PathVariable String project,
            @PathVariable String orgUnit,
            @PathVariable Long id,
            RedirectAttributes redirect) {
        try {
            evidence.detach(project, orgUnit, id);
            redirect.addFlashAttribute("done", "evidence");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("error", pages.text(e.getMessage(), e.args()));
        }
        return "redirect:/evaluation/" + project + "/" + orgUnit + "#self-eval";
    }

    /**
     * A photo uploaded from the expert's sheet. The upload button submits the sheet form itself, so what the expert
     * typed comes along and is shown again, unsaved, with the new photo ticked: an upload never loses a score.
     */
    @PostMapping("/evaluation/{project}/{orgUnit}/photos")
    String photo(
            @PathVariable String project,
            @PathVariable String orgUnit,
            @RequestParam(required = false) MultipartFile file,
            @RequestParam MultiValueMap<String, String> params,
            RedirectAttributes redirect)
            throws IOException {
        List<Long> ticked = new ArrayList<>();
        for (String id : params.getOrDefault("evidence", List.of())) {
            if (id.matches("\\d{1,18}")) {
                ticked.add(Long.valueOf(id));
            }
        }
        upload(file, redirect, "photo", () -> {
            EvidenceView v = evidence.photo(project, orgUnit, file.getInputStream(), file.getOriginalFilename());
            redirect.addFlashAttribute("photo", v.id());
            ticked.add(v.id());
            return v;
        });
        if (params.containsKey("comment")) {
            redirect.addFlashAttribute("postedForm", "sheet");
            redirect.addFlashAttribute("errors", Map.of());
            redirect.addFlashAttribute("posted", params.toSingleValueMap());
            redirect.addFlashAttribute("postedFiles", ticked);
        }
        return "redirect:/evaluation/" + project + "/" + orgUnit + "#sheet";
    }

    @PostMapping("/evaluation/{project}/{orgUnit}/sheet")
    String sheet(
            @PathVariable String project,
            @PathVariable String orgUnit,
            @RequestParam MultiValueMap<String, String> params,
            Model model,
            RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, ManualEntry> manual = manual(params, errors);
        List<Long> files = new ArrayList<>();
        for (String id : params.getOrDefault("evidence", List.of())) {
            try {
                files.add(Long.valueOf(id));
            } catch (NumberFormatException e) {
                errors.put("evidence", pages.text("error.type-mismatch"));
            }
        }
        try {
            if (errors.isEmpty()) {
                evaluations.expertScore(
                        project,
                        orgUnit,
                        new ScoreSheet(manual, params.getFirst("comment"), params.getFirst("findings"), files));
                redirect.addFlashAttribute("done", "sheet");
                return "redirect:/evaluation/" + project + "/" + orgUnit + "#sheet";
            }
        } catch (InvalidInputException e) {
            errors.putAll(pages.errors(e.problems()));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("error", pages.text(e.getMessage(), e.args()));
            return "redirect:/evaluation/" + project + "/" + orgUnit;
        }
        posted(model, "sheet", errors, params.toSingleValueMap());
        model.addAttribute("postedFiles", files);
        return pages.file(project, orgUnit, model);
    }

    /** The leader (or owner) consolidates: the mean of the experts' sheets, or an agreed sheet with a reason. */
    @PostMapping("/evaluation/{project}/{orgUnit}/consolidate")
    String consolidate(
            @PathVariable String project,
            @PathVariable String orgUnit,
            @RequestParam MultiValueMap<String, String> params,
            Model model,
            RedirectAttributes redirect) {
        boolean agreed = "agreed".equals(params.getFirst("mode"));
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, ManualEntry> manual = agreed ? manual(params, errors) : null;
        try {
            if (errors.isEmpty()) {
                evaluations.transition(
                        project,
                        orgUnit,
                        new TransitionRequest("score", agreed ? params.getFirst("reason") : null, manual));
                redirect.addFlashAttribute("done", "score");
                return "redirect:/evaluation/" + project + "/" + orgUnit;
            }
        } catch (InvalidInputException e) {
            errors.putAll(pages.errors(e.problems()));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("error", pages.text(e.getMessage(), e.args()));
            return "redirect:/evaluation/" + project + "/" + orgUnit + "#consolidation";
        }
        posted(model, "consolidate", errors, params.toSingleValueMap());
        return pages.file(project, orgUnit, model);
    }

    @PostMapping("/evaluation/{project}/{orgUnit}/extension")
    String extend(
            @PathVariable String project,
            @PathVariable String orgUnit,
            @RequestParam(required = false) String until,
            Model model,
            RedirectAttributes redirect) {
        try {
            evaluations.extend(project, orgUnit, until);
            redirect.addFlashAttribute("done", "extension");
            return "redirect:/evaluation/" + project + "/" + orgUnit;
        } catch (InvalidInputException e) {
            posted(model, "extension", pages.errors(e.problems()), Map.of("until", until == null ? "" : until));
            return pages.file(project, orgUnit, model);
        }
    }

    /**
     * The manual scores of a form, fields {@code score.<indicator>} and {@code reason.<indicator>} (the service
     * checks the indicators); an indicator left empty is not sent, a score that is not a number is an error of
     * that indicator.
     */
    private Map<String, ManualEntry> manual(MultiValueMap<String, String> params, Map<String, String> errors) {
        Map<String, ManualEntry> manual = new LinkedHashMap<>();
        for (String field : params.keySet()) {
            if (!field.startsWith("score.")) {
                continue;
            }
            String code = field.substring("score.".length());
            String score = params.getFirst(field);
            String reason = params.getFirst("reason." + code);
            if ((score == null || score.isBlank()) && (reason == null || reason.isBlank())) {
                continue;
            }
            try {
                manual.put(
                        code,
                        new ManualEntry(
                                score == null || score.isBlank() ? null : Double.valueOf(score.trim()), reason));
            } catch (NumberFormatException e) {
                errors.put("manual." + code, pages.text("error.type-mismatch"));
            }
        }
        return manual;
    }

    /** The form shown again: which one, its messages per field and what was typed. */
    private static void posted(Model model, String form, Map<String, String> errors, Map<String, String> values) {
        model.addAttribute("postedForm", form);
        model.addAttribute("errors", errors);
        model.addAttribute("posted", values);
    }

    interface Upload {
        EvidenceView store() throws IOException;
    }

    /** Stores an uploaded file; what went wrong comes back as the message on top of the page. */
    private void upload(MultipartFile file, RedirectAttributes redirect, String done, Upload upload)
            throws IOException {
        try {
            requireFile(file);
            upload.store();
            redirect.addFlashAttribute("done", done);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", pages.first(e));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("error", pages.text(e.getMessage(), e.args()));
        } catch (EvidenceTooLargeException e) {
            redirect.addFlashAttribute("error", pages.text("evidence.error.too-large", e.limitBytes() / (1024 * 1024)));
        }
    }

    private static void requireFile(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw InvalidInputException.of("file", "evaluation.error.file-required");
        }
    }
}
