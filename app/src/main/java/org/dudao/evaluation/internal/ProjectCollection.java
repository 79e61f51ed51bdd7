package org.dudao.evaluation.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.dudao.audit.AuditLog;
import org.dudao.collection.CollectionTasks;
import org.dudao.collection.NewTask;
import org.dudao.collection.TaskView;
import org.dudao.engine.CompiledScheme;
import org.dudao.engine.IndicatorDef;
import org.dudao.engine.VetoDef;
import org.dudao.org.Enrolments;
import org.dudao.org.OrgUnitRef;
import org.dudao.org.OrgUnits;
import org.dudao.shared.ConflictException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The project's data collection (自评 data via the collection module, enter once): one collection task to exactly
 * the project's schools, for the project year, due on the application deadline, whose form asks for the
 * enrolment and every data item the scheme's indicators and vetoes read, one section per first-level indicator.
 * What the schools submit there is what every score of the project is computed from.
 */
@Service
public class ProjectCollection {

    private final ProjectScope projects;
    private final ProjectRepository repository;
    private final EvaluationRepository evaluations;
    private final EvaluationScoring scoring;
    private final CollectionTasks tasks;
    private final OrgUnits orgUnits;
    private final AuditLog audit;
    private final MessageSource messages;

    ProjectCollection(
            ProjectScope projects,
            ProjectRepository repository,
            EvaluationRepository evaluations,
            EvaluationScoring scoring,
            CollectionTasks tasks,
            OrgUnits orgUnits,
            AuditLog audit,
            MessageSource messages) {
        this.projects = projects;
        this.repository = repository;
        this.evaluations = evaluations;
        this.scoring = scoring;
        this.tasks = tasks;
        this.orgUnits = orgUnits;
        this.audit = audit;
        this.messages = messages;
    }

    /** Issues the task once per project (the owner's managers); a second call is refused with 409. */
    @Transactional
    public ProjectView issue(String code) {
        Project p = projects.readable(code);
        ProjectScope.requireManager(p.getOwnerPath());
        if (p.getCollectionTaskId() != null) {
            throw new ConflictException("evaluation.error.collection-issued");
        }
        List<String> schools = orgUnits
                .refs(evaluations.findByProjectIdOrderByIdAsc(p.getId()).stream()
                        .map(Evaluation::getOrgUnitId)
                        .toList())
                .values()
                .stream()
                .map(OrgUnitRef::code)
                .sorted()
                .toList();
        String owner =
                orgUnits.refs(List.of(p.getOrgUnitId())).get(p.getOrgUnitId()).code();
        TaskView task = tasks.create(new NewTask(
                text("evaluation.collection.name", p.getName()),
                p.period(),
                owner,
                List.of(),
                p.getDeadline().toString(),
                text("evaluation.collection.description", p.getName()),
                sections(scoring.scheme(p)),
                List.of(),
                schools));
        ProjectView before = projects.view(p);
        p.collectedBy(task.id());
        repository.flush();
        ProjectView after = projects.view(p);
        audit.updated("EvaluationProject", p.getCode(), p.getName(), p.getOwnerPath(), before, after);
        return after;
    }

    /** Enrolment first (per-pupil standards divide by it), then each first-level indicator's items, vetoes last. */
    private List<NewTask.Section> sections(CompiledScheme scheme) {
        Set<String> used = new LinkedHashSet<>(Enrolments.ITEMS);
        List<NewTask.Section> sections = new ArrayList<>();
        sections.add(new NewTask.Section(text("evaluation.collection.enrolment"), List.copyOf(used)));
        for (IndicatorDef top : scheme.definition().indicators()) {
            List<String> items = new ArrayList<>();
            collect(top, items, used);
            if (!items.isEmpty()) {
                sections.add(new NewTask.Section(top.code() + " " + top.name(), items));
            }
        }
        List<String> vetoItems = new ArrayList<>();
        for (VetoDef v : scheme.definition().vetoes()) {
            if (v.when() != null && v.when().item() != null && used.add(v.when().item())) {
                vetoItems.add(v.when().item());
            }
        }
        if (!vetoItems.isEmpty()) {
            sections.add(new NewTask.Section(text("evaluation.collection.vetoes"), vetoItems));
        }
        return sections;
    }

    private static void collect(IndicatorDef indicator, List<String> items, Set<String> used) {
        if (indicator.rule() != null
                && indicator.rule().item() != null
                && used.add(indicator.rule().item())) {
            items.add(indicator.rule().item());
        }
        indicator.children().forEach(child -> collect(child, items, used));
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
