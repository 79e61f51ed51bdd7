package org.dudao.evaluation.web;

import org.dudao.evaluation.Evaluations;
import org.dudao.shared.ConflictException;
import org.dudao.shared.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The public 公示 page (no login): schools under publicity and a form to object. */
@Controller
class PublicityController {

    private final Evaluations evaluations;
    private final MessageSource messages;

    PublicityController(Evaluations evaluations, MessageSource messages) {
        this.evaluations = evaluations;
        this.messages = messages;
    }

    @GetMapping("/public/projects/{project}")
    String page(@PathVariable String project, Model model) {
        model.addAttribute("project", evaluations.publicProject(project));
        model.addAttribute("schools", evaluations.publicity(project));
        return "evaluation/publicity";
    }

    @PostMapping("/public/projects/{project}/objections")
    String object(
            @PathVariable String project,
            @RequestParam Long evaluation,
            @RequestParam String body,
            @RequestParam(required = false) String contact,
            RedirectAttributes redirect,
            java.util.Locale locale) {
        try {
            evaluations.object(project, evaluation, body, contact);
            redirect.addFlashAttribute("sent", true);
        } catch (InvalidInputException e) {
            var p = e.problems().get(0);
            redirect.addFlashAttribute("error", messages.getMessage(p.message(), p.args(), p.message(), locale));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("error", messages.getMessage(e.getMessage(), e.args(), e.getMessage(), locale));
        }
        return "redirect:/public/projects/" + project;
    }
}
