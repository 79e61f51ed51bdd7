package org.dudao.evaluation.internal;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Sheet;
import org.dudao.evaluation.EvaluationView;
import org.dudao.evaluation.Evaluations;
import org.dudao.evaluation.Projects;
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

    public ExcelBook.File results(String projectCode, FileFilter filter) {
        String name = projects.get(projectCode).name();
        List<EvaluationView> files = evaluations.list(projectCode, filter);
        try (ExcelBook book = new ExcelBook(this::text)) {
            Sheet sheet = book.sheet(
                    "evaluation.results.sheet",
                    filter.ranking() ? "evaluation.field.rank" : "evaluation.field.no",
                    "evaluation.field.code",
                    "evaluation.field.school",
                    "evaluation.field.township",
                    "evaluation.field.kind",
                    "evaluation.field.stage",
                    "evaluation.field.status",
                    "evaluation.field.total",
                    "evaluation.field.grade",
                    "evaluation.field.vetoes",
                    "evaluation.field.certificate");
            int n = 0;
            for (EvaluationView f : files) {
                book.row(
                        sheet,
                        ++n,
                        f.orgUnit(),
                        f.name(),
                        f.township(),
                        f.kind(),
                        text("evaluation.stage." + f.stage()),
                        text("evaluation.status." + f.status()),
                        f.total(),
                        f.grade(),
                        f.vetoes().stream().map(v -> v.get("name")).collect(Collectors.joining("；")),
                        f.certificateNo());
            }
            return book.file(text("evaluation.results.file", name));
        }
    }

    private String text(String key, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, args, key, locale);
    }
}
