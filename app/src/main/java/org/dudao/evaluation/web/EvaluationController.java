package org.dudao.evaluation.web;

import java.util.Locale;
import org.dudao.evaluation.Evaluations;
import org.dudao.evaluation.Projects;
import org.dudao.evaluation.TransitionRequest;
import org.dudao.evaluation.internal.Certificates;
import org.dudao.evaluation.internal.FileFilter;
import org.dudao.evaluation.internal.ProjectCollection;
import org.dudao.evaluation.internal.ResultsExcel;
import org.dudao.shared.ConflictException;
import org.dudao.shared.ExcelBook;
import org.dudao.shared.InvalidInputException;
import org.dudao.shared.MenuEntry;
import org.dudao.shared.Role;
import org.dudao.shared.web.Downloads;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Screens of standardization acceptance: projects, a project's files with quota, one file with its actions. */
@Controller
class EvaluationController {

    private final Projects projects;
    private final Evaluations evaluations;
    private final EvaluationPages pages;
    private final Certificates certificates;
    private final ResultsExcel results;
    private final ProjectCollection collection;

    EvaluationController(
            Projects projects,
            Evaluations evaluations,
            EvaluationPages pages,
            Certificates certificates,
            ResultsExcel results,
            ProjectCollection collection) {
        this.projects = projects;
        this.evaluations = evaluations;
        this.pages = pages;
        this.certificates = certificates;
        this.results = results;
        this.collection = collection;
    }

    @Bean
    static MenuEntry evaluationMenu() {
        return new MenuEntry("nav.section.evaluation", "evaluation.projects", "/evaluation", 300, Role.STAFF);
    }

    @GetMapping("/evaluation")
    String index(Model model) {
        model.addAttribute("projects", projects.list());
        model.addAttribute("canCreate", projects.canCreate());
        return "evaluation/index";
    }

    @GetMapping("/evaluation/{project}")
    String project(@PathVariable String project, FileFilter filter, Model model) {
        return pages.project(project, filter, model);
    }

    @PostMapping("/evaluation/{project}/collection")
    String issueCollection(@PathVariable String project, RedirectAttributes redirect) {
        attempt(redirect, "collection", () -> collection.issue(project));
        return "redirect:/evaluation/" + project;
    }

    @GetMapping("/evaluation/{project}/results.xlsx")
    ResponseEntity<byte[]> results(@PathVariable String project, FileFilter filter) {
        ExcelBook.File file = results.results(project, filter);
        return Downloads.xlsx(file.name(), file.body());
    }

    @GetMapping("/evaluation/{project}/{orgUnit}")
    String file(@PathVariable String project, @PathVariable String orgUnit, Model model) {
        return pages.file(project, orgUnit, model);
    }

    @PostMapping("/evaluation/{project}/{orgUnit}/transition")
    String transition(
            @PathVariable String project,
            @PathVariable String orgUnit,
            @RequestParam String action,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        attempt(
                redirect,
                action,
                () -> evaluations.transition(project, orgUnit, new TransitionRequest(action, reason, null)));
        return "redirect:/evaluation/" + project + "/" + orgUnit;
    }

    @PostMapping("/evaluation/{project}/{orgUnit}/objections/{id}/answer")
    String answer(
            @PathVariable String project,
            @PathVariable String orgUnit,
            @PathVariable Long id,
            @RequestParam String answer,
            RedirectAttributes redirect) {
        attempt(redirect, "answer", () -> evaluations.answer(project, orgUnit, id, answer));
        return "redirect:/evaluation/" + project + "/" + orgUnit;
    }

    /** Runs one step; a refused step or bad input comes back as the message on top of the page. */
    private void attempt(RedirectAttributes redirect, String done, Runnable step) {
        try {
            step.run();
            redirect.addFlashAttribute("done", done);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("error", pages.text(e.getMessage(), e.args()));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", pages.first(e));
        }
    }

    @GetMapping("/evaluation/{project}/{orgUnit}/certificate.pdf")
    ResponseEntity<byte[]> certificate(@PathVariable String project, @PathVariable String orgUnit, Locale locale) {
        return Downloads.file(
                "certificate-" + orgUnit + ".pdf",
                MediaType.APPLICATION_PDF,
                certificates.certificatePdf(project, orgUnit, locale));
    }
}
