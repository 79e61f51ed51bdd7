package org.dudao.evaluation.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dudao.evaluation.EvaluationDetail;
import org.dudao.evaluation.EvaluationEvidence;
import org.dudao.evaluation.Evaluations;
import org.dudao.evaluation.Projects;
import org.dudao.shared.Access;
import org.dudao.shared.FieldProblem;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Fills the project page and the file page, so a form posted on either is shown again with its errors next to
 * its fields and the input kept.
 */
@Component
class EvaluationPages {

    private final Projects projects;
    private final Evaluations evaluations;
    private final EvaluationEvidence evidence;
    private final MessageSource messages;

    EvaluationPages(Projects projects, Evaluations evaluations, EvaluationEvidence evidence,
            MessageSource messages) {
        this.projects = projects;
        this.evaluations = evaluations;
        this.evidence = evidence;
        this.messages = messages;
    }

    String project(String code, Model model) {
        model.addAttribute("project", projects.get(code));
        model.addAttribute("quota", projects.quota(code));
        model.addAttribute("files", evaluations.list(code));
        model.addAttribute("groups", projects.groups(code));
        List<Projects.ExpertOption> experts = projects.experts(code);
        model.addAttribute("experts", experts);
        model.addAttribute("groupLevels", experts.stream().map(Projects.ExpertOption::level).distinct().toList());
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
            model.addAttribute("mySheet", d.expertSheets().stream()
                    .filter(s -> s.level().equals(level) && s.expert().equals(me)).findFirst().orElse(null));
            model.addAttribute("photos", evidence.myPhotos(project, unit));
        }
        if (d.can().consolidate()) {
            model.addAttribute("levelSheets", d.expertSheets().stream()
                    .filter(s -> s.level().equals(d.evaluation().stage())).toList());
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

    String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
