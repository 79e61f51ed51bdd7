package org.dudao.evaluation.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dudao.evaluation.internal.DrawRequest;
import org.dudao.evaluation.internal.ExpertDraws;
import org.dudao.evaluation.internal.ExpertPool;
import org.dudao.evaluation.internal.ExpertRequest;
import org.dudao.evaluation.internal.ExpertView;
import org.dudao.evaluation.internal.OnsiteChecks;
import org.dudao.evaluation.internal.OnsiteRequest;
import org.dudao.evaluation.internal.SampleRequest;
import org.dudao.evaluation.internal.Sampling;
import org.dudao.evaluation.internal.TrainingRequest;
import org.dudao.shared.ConflictException;
import org.dudao.shared.InvalidInputException;
import org.dudao.shared.MenuEntry;
import org.dudao.shared.NotFoundException;
import org.dudao.shared.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The screens of the 专家库 (experts and their training), of a group's random draw (draw dialog, answers,
 * observers), of the on-site samples of a project and of the on-site check of a sampled file (phone width).
 */
@Controller
class ExpertController {

    private final ExpertPool pool;
    private final ExpertDraws draws;
    private final Sampling sampling;
    private final OnsiteChecks checks;
    private final EvaluationPages pages;

    ExpertController(
            ExpertPool pool, ExpertDraws draws, Sampling sampling, OnsiteChecks checks, EvaluationPages pages) {
        this.pool = pool;
        this.draws = draws;
        this.sampling = sampling;
        this.checks = checks;
        this.pages = pages;
    }

    @Bean
    static MenuEntry expertPoolMenu() {
        return new MenuEntry("nav.section.evaluation", "experts.title", "/experts", 305, Role.OFFICE);
    }

    @GetMapping("/experts")
    String index(@RequestParam(required = false) String field, Model model) {
        model.addAttribute("experts", pool.list(field));
        model.addAttribute("field", field);
        model.addAttribute("canManage", pool.canManage());
        return "evaluation/experts";
    }

    @PostMapping("/experts")
    String create(@ModelAttribute ExpertRequest form, RedirectAttributes redirect) {
        try {
            ExpertView created = pool.create(form);
            redirect.addFlashAttribute("done", true);
            return "redirect:/experts/" + created.id();
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", pages.errors(e.problems()));
            redirect.addFlashAttribute("posted", form);
            return "redirect:/experts";
        } catch (NotFoundException e) {
            // on the form a code typed wrong is a mistake in a field (the API answers 404 like any unit out of scope)
            redirect.addFlashAttribute(
                    "errors", Map.of("office", pages.text("experts.error.office-unknown", form.office())));
            redirect.addFlashAttribute("posted", form);
            return "redirect:/experts";
        }
    }

    @GetMapping("/experts/{id}")
    String expert(@PathVariable Long id, Model model) {
        model.addAttribute("x", pool.get(id));
        model.addAttribute("canManage", pool.canManage());
        return "evaluation/expert";
    }

    @PostMapping("/experts/{id}")
    String update(@PathVariable Long id, @ModelAttribute ExpertRequest form, RedirectAttributes redirect) {
        try {
            pool.update(id, form);
            redirect.addFlashAttribute("done", true);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", pages.errors(e.problems()));
        }
        return "redirect:/experts/" + id;
    }

    @PostMapping("/experts/{id}/trainings")
    String training(
            @PathVariable Long id,
            @RequestParam(required = false) String date,
            @RequestParam(required = false) String course,
            @RequestParam(required = false) String hours,
            RedirectAttributes redirect) {
        try {
            pool.addTraining(id, new TrainingRequest(date, course, decimal(hours)));
            redirect.addFlashAttribute("done", true);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", pages.errors(e.problems()));
        }
        return "redirect:/experts/" + id + "#trainings";
    }

    /** The signed-in expert's invitations (their 待办), answered here. */
    @GetMapping("/experts/invitations")
    String invitations(Model model) {
        model.addAttribute("invitations", draws.invitations());
        return "evaluation/invitations";
    }

    @PostMapping("/experts/invitations")
    String answerInvitation(
            @RequestParam String project,
            @RequestParam Long group,
            @RequestParam Long expert,
            @RequestParam String answer,
            RedirectAttributes redirect) {
        recordAnswer(project, group, expert, answer, redirect);
        return "redirect:/experts/invitations";
    }

    @GetMapping("/evaluation/{project}/groups/{id}")
    String group(@PathVariable String project, @PathVariable Long id, Model model) {
        model.addAttribute("project", project);
        model.addAttribute("board", draws.board(project, id));
        return "evaluation/group";
    }

    @PostMapping("/evaluation/{project}/groups/{id}/draw")
    String draw(
            @PathVariable String project,
            @PathVariable Long id,
            @RequestParam(required = false) String count,
            @RequestParam(required = false) String seed,
            @RequestParam(required = false) String field,
            RedirectAttributes redirect) {
        try {
            Long s = seed == null || seed.isBlank() ? null : whole(seed);
            if (s != null && s < 0) throw InvalidInputException.of("seed", "error.type-mismatch");
            draws.draw(project, id, new DrawRequest(count(count, "count"), s, field));
            redirect.addFlashAttribute("done", true);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", pages.errors(e.problems()));
        }
        return "redirect:/evaluation/" + project + "/groups/" + id;
    }

    @PostMapping("/evaluation/{project}/groups/{id}/answer")
    String answer(
            @PathVariable String project,
            @PathVariable Long id,
            @RequestParam Long expert,
            @RequestParam String answer,
            RedirectAttributes redirect) {
        recordAnswer(project, id, expert, answer, redirect);
        return "redirect:/evaluation/" + project + "/groups/" + id;
    }

    /** A drawn expert's answer, by themself (invitations) or by the office for them (the group's page). */
    private void recordAnswer(String project, Long group, Long expert, String answer, RedirectAttributes redirect) {
        try {
            draws.answer(project, group, expert, answer);
            redirect.addFlashAttribute("done", true);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", pages.errors(e.problems()));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("failure", pages.text(e.getMessage(), e.args()));
        }
    }

    @PostMapping("/evaluation/{project}/groups/{id}/observers")
    String observer(
            @PathVariable String project,
            @PathVariable Long id,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String role,
            RedirectAttributes redirect) {
        try {
            draws.addObserver(project, id, name, role);
            redirect.addFlashAttribute("done", true);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", pages.errors(e.problems()));
        }
        return "redirect:/evaluation/" + project + "/groups/" + id + "#observers";
    }

    @GetMapping("/evaluation/{project}/samples")
    String samples(@PathVariable String project, Model model) {
        model.addAttribute("project", project);
        model.addAttribute("samples", sampling.list(project));
        model.addAttribute("canSample", sampling.canSample(project));
        return "evaluation/samples";
    }

    @PostMapping("/evaluation/{project}/samples")
    String sample(
            @PathVariable String project,
            @RequestParam(required = false) String level,
            @RequestParam(required = false) String size,
            @RequestParam(required = false) String by,
            @RequestParam(required = false) String seed,
            RedirectAttributes redirect) {
        try {
            Long s = seed == null || seed.isBlank() ? null : whole(seed);
            if (s != null && s < 0) throw InvalidInputException.of("seed", "error.type-mismatch");
            Integer n = count(size, percent(by));
            boolean percent = "percent".equals(by);
            sampling.sample(project, new SampleRequest(level, percent ? n : null, percent ? null : n, s));
            redirect.addFlashAttribute("done", true);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", pages.errors(e.problems()));
        }
        return "redirect:/evaluation/" + project + "/samples";
    }

    @GetMapping("/evaluation/{project}/{orgUnit}/onsite")
    String onsite(@PathVariable String project, @PathVariable String orgUnit, Model model) {
        model.addAttribute("project", project);
        model.addAttribute("unit", orgUnit);
        model.addAttribute("form", checks.form(project, orgUnit));
        model.addAttribute("checks", checks.list(project, orgUnit));
        return "evaluation/onsite";
    }

    @PostMapping("/evaluation/{project}/{orgUnit}/onsite")
    String check(
            @PathVariable String project,
            @PathVariable String orgUnit,
            @RequestParam(required = false) String counted,
            @RequestParam(required = false) String note,
            @RequestParam(required = false) List<String> item,
            @RequestParam(required = false) List<String> value,
            @RequestParam(required = false) List<String> reason,
            RedirectAttributes redirect) {
        try {
            Integer n = count(counted, "counted");
            checks.record(project, orgUnit, new OnsiteRequest(n, note, corrections(item, value, reason)));
            redirect.addFlashAttribute("done", true);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", pages.errors(e.problems()));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("failure", pages.text(e.getMessage(), e.args()));
        }
        return "redirect:/evaluation/" + project + "/" + orgUnit + "/onsite";
    }

    /** The rows of the correction table that name an item (empty rows are the form's spare ones). */
    private static List<OnsiteRequest.Correction> corrections(
            List<String> items, List<String> values, List<String> reasons) {
        List<OnsiteRequest.Correction> list = new ArrayList<>();
        if (items == null) return list;
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) == null || items.get(i).isBlank()) continue;
            list.add(new OnsiteRequest.Correction(items.get(i), at(values, i), at(reasons, i)));
        }
        return list;
    }

    private static String at(List<String> list, int i) {
        return list != null && i < list.size() ? list.get(i) : null;
    }

    /** A whole number typed in a form; a blank is missing, anything else a type mismatch. */
    private static Integer count(String text, String field) {
        if (text == null || text.isBlank()) return null;
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            throw InvalidInputException.of(field, "error.type-mismatch");
        }
    }

    /** The sample size's field: a percentage or a number of files. */
    private static String percent(String by) {
        return "percent".equals(by) ? "percent" : "count";
    }

    private static Long whole(String text) {
        try {
            return Long.valueOf(text.trim());
        } catch (NumberFormatException e) {
            throw InvalidInputException.of("seed", "error.type-mismatch");
        }
    }

    private static BigDecimal decimal(String text) {
        if (text == null || text.isBlank()) return null;
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw InvalidInputException.of("hours", "error.type-mismatch");
        }
    }
}
