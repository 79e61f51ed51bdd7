package org.dudao.evaluation.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.dudao.evaluation.Projects;
import org.dudao.evaluation.internal.Dossiers;
import org.dudao.evaluation.internal.Rankings;
import org.dudao.evaluation.internal.SelfReportRequest;
import org.dudao.evaluation.internal.SelfReports;
import org.dudao.shared.ConflictException;
import org.dudao.shared.ExcelBook;
import org.dudao.shared.InvalidInputException;
import org.dudao.shared.web.Downloads;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Screens of a file's 自评报告 (with 专题报告) and 资料汇编, and of a project's ranking, also on a public page. */
@Controller
class FileReportController {

    private static final String SECTION = "section.";
    private static final String TOPIC = "topic.";

    private final Projects projects;
    private final SelfReports reports;
    private final Dossiers dossiers;
    private final Rankings rankings;
    private final EvaluationPages pages;

    FileReportController(
            Projects projects, SelfReports reports, Dossiers dossiers, Rankings rankings, EvaluationPages pages) {
        this.projects = projects;
        this.reports = reports;
        this.dossiers = dossiers;
        this.rankings = rankings;
        this.pages = pages;
    }

    @GetMapping("/evaluation/{project}/{orgUnit}/report")
    String report(@PathVariable String project, @PathVariable String orgUnit, Model model, Locale locale) {
        model.addAttribute("project", projects.get(project));
        model.addAttribute("r", reports.view(project, orgUnit, locale));
        return "evaluation/report";
    }

    /** Saves what the unit wrote; bad input shows the page again with the texts kept and the messages beside. */
    @PostMapping("/evaluation/{project}/{orgUnit}/report")
    String write(
            @PathVariable String project,
            @PathVariable String orgUnit,
            @RequestParam Map<String, String> params,
            Model model,
            Locale locale,
            RedirectAttributes redirect) {
        Map<String, String> sections = new LinkedHashMap<>();
        Map<String, String> topics = new LinkedHashMap<>();
        params.forEach((name, text) -> {
            if (name.startsWith(SECTION)) sections.put(name.substring(SECTION.length()), text);
            if (name.startsWith(TOPIC)) topics.put(name.substring(TOPIC.length()), text);
        });
        try {
            reports.save(project, orgUnit, new SelfReportRequest(sections, topics), locale);
            redirect.addFlashAttribute("done", true);
            return "redirect:/evaluation/" + project + "/" + orgUnit + "/report";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", pages.errors(e.problems()));
            model.addAttribute("posted", params);
        } catch (ConflictException e) {
            model.addAttribute("error", pages.text(e.getMessage(), e.args()));
        }
        return report(project, orgUnit, model, locale);
    }

    @GetMapping("/evaluation/{project}/{orgUnit}/report.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String project, @PathVariable String orgUnit, Locale locale) {
        return Downloads.file(
                "self-report-" + orgUnit + ".pdf", MediaType.APPLICATION_PDF, reports.pdf(project, orgUnit, locale));
    }

    @GetMapping("/evaluation/{project}/{orgUnit}/report.docx")
    ResponseEntity<byte[]> docx(@PathVariable String project, @PathVariable String orgUnit, Locale locale) {
        return Downloads.file(
                "self-report-" + orgUnit + ".docx", Downloads.DOCX, reports.docx(project, orgUnit, locale));
    }

    @GetMapping("/evaluation/{project}/{orgUnit}/dossier.zip")
    ResponseEntity<Resource> dossier(@PathVariable String project, @PathVariable String orgUnit, Locale locale) {
        return Downloads.temporary(
                "dossier-" + orgUnit + ".zip",
                MediaType.parseMediaType("application/zip"),
                dossiers.zip(project, orgUnit, locale));
    }

    @GetMapping("/evaluation/{project}/ranking")
    String ranking(@PathVariable String project, Model model) {
        model.addAttribute("project", projects.get(project));
        model.addAttribute("r", rankings.ranking(project));
        return "evaluation/ranking";
    }

    @PostMapping("/evaluation/{project}/ranking/publish")
    String publish(
            @PathVariable String project,
            @RequestParam(required = false) Boolean publicPage,
            RedirectAttributes redirect) {
        rankings.publish(project, Boolean.TRUE.equals(publicPage));
        redirect.addFlashAttribute("done", true);
        return "redirect:/evaluation/" + project + "/ranking";
    }

    @GetMapping("/evaluation/{project}/ranking.xlsx")
    ResponseEntity<byte[]> rankingExcel(@PathVariable String project, Locale locale) {
        ExcelBook.File file = rankings.excel(project, locale);
        return Downloads.xlsx(file.name(), file.body());
    }

    @GetMapping("/public/projects/{project}/ranking")
    String publicRanking(@PathVariable String project, Model model) {
        model.addAttribute("r", rankings.publicRanking(project));
        return "evaluation/public-ranking";
    }
}
