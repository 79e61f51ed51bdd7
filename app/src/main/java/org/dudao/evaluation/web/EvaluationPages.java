package org.dudao.evaluation.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.dudao.evaluation.EvaluationDetail;
import org.dudao.evaluation.EvaluationView;
import org.dudao.evaluation.Evaluations;
import org.dudao.evaluation.Phase;
import org.dudao.evaluation.Projects;
import org.dudao.evaluation.internal.EvaluationEvidence;
import org.dudao.evaluation.internal.ExpertGroups;
import org.dudao.evaluation.internal.FileFilter;
import org.dudao.evaluation.internal.Quotas;
import org.dudao.evaluation.internal.Rankings;
import org.dudao.shared.Access;
import org.dudao.shared.FieldProblem;
import org.dudao.shared.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Fills the project page and the file page, so a form posted on either is shown again with its errors next to
 * its fields and the input kept.
 */
@Component
class EvaluationPages {

    private final Projects projects;
    private final ExpertGroups groups;
    private final Quotas quotas;
    private final Evaluations evaluations;
    private final EvaluationEvidence evidence;
    private final Rankings rankings;
    private final MessageSource messages;

    EvaluationPages(
            Projects projects,
            ExpertGroups groups,
            Quotas quotas,
            Evaluations evaluations,
            EvaluationEvidence evidence,
            Rankings rankings,
            MessageSource messages) {
        this.rankings = rankings;
        this.projects = projects;
        this.groups = groups;
        this.quotas = quotas;
        this.evaluations = evaluations;
        this.evidence = evidence;
        this.messages = messages;
    }

    String project(String code, Model model) {
        return project(code, FileFilter.ALL, model);
    }

    /** The project page with its files filtered; a bad filter shows every file and says what was wrong. */
    String project(String code, FileFilter filter, Model model) {
        model.addAttribute("project", projects.get(code));
        model.addAttribute("quota", quotas.quota(code));
        model.addAttribute("publicPage", evaluations.isPublic(code));
        model.addAttribute("rankingVisible", rankings.visible(code));
        List<EvaluationView> all = evaluations.list(code);
        FileFilter shown = filter;
        List<EvaluationView> files;
        try {
            files = filter.equals(FileFilter.ALL) ? all : evaluations.list(code, filter);
        } catch (InvalidInputException e) {
            model.addAttribute("filterError", first(e));
            shown = FileFilter.ALL;
            files = all;
        }
        model.addAttribute("filter", shown);
        model.addAttribute("files", files);
        UriComponentsBuilder export = UriComponentsBuilder.fromPath("/evaluation/{c}/results.xlsx");
        param(export, "stage", shown.stage());
        param(export, "state", shown.state());
        param(export, "grade", shown.grade());
        param(export, "rated", shown.rated());
        param(export, "under", shown.under());
        param(export, "q", shown.q());
        param(export, "sort", shown.sort());
        model.addAttribute("exportUrl", export.buildAndExpand(code).encode().toUriString());
        // the choices of the filter: the townships the files sit in, the scheme's grades, the stages
        Map<String, String> townships = new TreeMap<>();
        all.stream().filter(f -> f.townshipCode() != null).forEach(f -> townships.put(f.townshipCode(), f.township()));
        model.addAttribute("townships", townships);
        model.addAttribute("grades", evaluations.grades(code));
        model.addAttribute("stages", Phase.values());
        model.addAttribute("groups", groups.groups(code));
        List<ExpertGroups.ExpertOption> experts = groups.experts(code);
        model.addAttribute("experts", experts);
        model.addAttribute(
                "groupLevels",
                experts.stream()
                        .map(ExpertGroups.ExpertOption::level)
                        .distinct()
                        .toList());
        return "evaluation/project";
    }

    String file(String project, String unit, Model model) {
        EvaluationDetail d = evaluations.detail(project, unit);
        model.addAttribute("project", projects.get(project));
        model.addAttribute("d", d);
        model.addAttribute("selfEvidence", evidence.selfEvidence(project, unit));
        // the files named on sheets, for thumbnails and links
        model.addAttribute("files", evidence.files(unit));
        if (d.can().sheet()) {
            String me = Access.currentUsername();
            String level = d.evaluation().stage();
            model.addAttribute(
                    "mySheet",
                    d.expertSheets().stream()
                            .filter(s -> s.level().equals(level) && s.expert().equals(me))
                            .findFirst()
                            .orElse(null));
            model.addAttribute("photos", evidence.myPhotos(project, unit));
        }
        if (d.can().consolidate()) {
            model.addAttribute(
                    "levelSheets",
                    d.expertSheets().stream()
                            .filter(s -> s.level().equals(d.evaluation().stage()))
                            .toList());
        }
        return "evaluation/file";
    }

    /** Field → message in the page's language, several messages of one field joined. */
    Map<String, String> errors(List<FieldProblem> problems) {
        Map<String, String> result = new LinkedHashMap<>();
        for (FieldProblem p : problems) {
            result.merge(p.field(), text(p.message(), p.args()), (a, b) -> a + "；" + b);
        }
        return result;
    }

    /** The download link carries the filter on screen, without its empty fields. */
    private static void param(UriComponentsBuilder url, String name, String value) {
        if (value != null && !value.isBlank()) {
            url.queryParam(name, value.trim());
        }
    }

    /** The first problem of bad input, in the page's language. */
    String first(InvalidInputException e) {
        FieldProblem p = e.problems().get(0);
        return text(p.message(), p.args());
    }

    String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
