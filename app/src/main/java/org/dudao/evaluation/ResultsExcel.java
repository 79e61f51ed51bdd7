package org.dudao.evaluation;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Sheet;
import org.dudao.shared.ExcelBook;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** The result table of a project (评估结果一览表 or, ranked, 排名表) as the screen lists it, for sending upward. */
@Component
public class ResultsExcel {

    private final Projects projects;
    private final Evaluations evaluations;
    private final MessageSource messages;

    ResultsExcel(Projects projects, Evaluations evaluations, MessageSource messages) {
        this.projects = projects;
        this.evaluations = evaluations;
        this.messages = messages;
    }

    public record File(String name, byte[] body) {
    }

    public File results(String projectCode, FileFilter filter) {
        ProjectView project = projects.get(projectCode);
        List<EvaluationView> files = evaluations.list(projectCode, filter);
        try (ExcelBook book = new ExcelBook()) {
            Sheet sheet = book.sheet(text("evaluation.results.sheet"),
                    text(filter.ranking() ? "evaluation.field.rank" : "evaluation.field.no"),
                    text("evaluation.field.code"), text("evaluation.field.school"), text("evaluation.field.township"),
                    text("evaluation.field.kind"), text("evaluation.field.stage"), text("evaluation.field.status"),
                    text("evaluation.field.total"), text("evaluation.field.grade"), text("evaluation.field.vetoes"),
                    text("evaluation.field.certificate"));
            int n = 0;
            for (EvaluationView f : files) {
                book.row(sheet, ++n, f.orgUnit(), f.name(), f.township(), f.kind(),
                        text("evaluation.stage." + f.stage()), text("evaluation.status." + f.status()), f.total(),
                        f.grade(), f.vetoes().stream().map(v -> v.get("name")).collect(Collectors.joining("；")),
                        f.certificateNo());
            }
            return new File(text("evaluation.results.file", project.name()), book.bytes());
        }
    }

    private String text(String key, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, args, key, locale);
    }
}
