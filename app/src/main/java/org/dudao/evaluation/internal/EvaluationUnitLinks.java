package org.dudao.evaluation.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dudao.org.OrgUnitRef;
import org.dudao.org.OrgUnits;
import org.dudao.shared.Access;
import org.dudao.shared.UnitLinks;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The unit page's evaluation files: the unit's own files (project, stage and status, grade), and the projects
 * with files under the unit, each leading to the project's list of those files.
 */
@Component
class EvaluationUnitLinks implements UnitLinks {

    private final OrgUnits orgUnits;
    private final ProjectRepository projects;
    private final EvaluationRepository evaluations;
    private final MessageSource messages;

    EvaluationUnitLinks(
            OrgUnits orgUnits, ProjectRepository projects, EvaluationRepository evaluations, MessageSource messages) {
        this.orgUnits = orgUnits;
        this.projects = projects;
        this.evaluations = evaluations;
        this.messages = messages;
    }

    @Override
    @Transactional(readOnly = true)
    public Section section(String unitCode) {
        OrgUnitRef unit = orgUnits.readable(unitCode);
        List<Evaluation> own = evaluations.findByOrgUnitIdOrderByIdDesc(unit.id());
        List<Link> links = new ArrayList<>();
        if (!own.isEmpty()) {
            Map<Long, Project> byId =
                    projects(own.stream().map(Evaluation::getProjectId).toList());
            for (Evaluation e : own) {
                Project p = byId.get(e.getProjectId());
                if (p == null) continue;
                String note = text("evaluation.stage." + e.getState().phase().name()) + " · "
                        + text("evaluation.status." + e.getState().status())
                        + (e.getGrade() == null ? "" : " · " + e.getGrade());
                links.add(new Link(p.getName(), note, "/evaluation/" + p.getCode() + "/" + unit.code(), false));
            }
        }
        // a township or county may be evaluated itself (督政) and hold its schools' files as well
        Set<Long> ownProjects = own.stream().map(Evaluation::getProjectId).collect(Collectors.toSet());
        Map<Long, Long> counts = evaluations.countUnderByProject(unit.path()).stream()
                .collect(Collectors.toMap(
                        r -> (Long) r[0],
                        r -> ((Number) r[1]).longValue() - (ownProjects.contains((Long) r[0]) ? 1 : 0)));
        counts.values().removeIf(n -> n <= 0);
        projects(counts.keySet()).values().stream()
                .sorted(Comparator.comparing(Project::getYear).reversed())
                .forEach(p -> links.add(new Link(
                        p.getName(),
                        text("evaluation.unit.files", counts.get(p.getId())),
                        UriComponentsBuilder.fromPath("/evaluation/{p}")
                                .queryParam("under", unit.code())
                                .buildAndExpand(p.getCode())
                                .encode()
                                .toUriString(),
                        false)));
        return links.isEmpty()
                ? null
                : new Section("unit-evaluations", "evaluation.unit.title", 10, links, links.size(), null);
    }

    /** The projects by id that the user may open (their owner's path read or inherited). */
    private Map<Long, Project> projects(java.util.Collection<Long> ids) {
        return projects.findAllById(ids).stream()
                .filter(p -> Access.canReadInherited(p.getOwnerPath()))
                .collect(Collectors.toMap(Project::getId, Function.identity()));
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
