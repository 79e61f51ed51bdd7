package org.dudao.evaluation.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.dudao.evaluation.EvaluationState;
import org.dudao.evaluation.Phase;
import org.dudao.org.OrgKind;
import org.dudao.org.OrgUnitRef;
import org.dudao.org.OrgUnits;
import org.dudao.shared.Access;
import org.dudao.shared.ConflictException;
import org.dudao.shared.ForbiddenException;
import org.dudao.shared.NotFoundException;
import org.dudao.shared.Role;
import org.springframework.stereotype.Component;

/**
 * How the feature's services find a project and place a school: the projects the current user may read (others
 * "do not exist"), who manages one, where a school sits, and who sits in its expert groups.
 */
@Component
public class ProjectScope {

    /** The application deadline when the project sets none (11-25). */
    public static final MonthDay DEFAULT_DEADLINE = MonthDay.of(11, 25);

    /** 11-25 of the project's year, unless that has passed: then two weeks from today (never a past default). */
    public static LocalDate defaultDeadline(int year, LocalDate today) {
        LocalDate deadline = DEFAULT_DEADLINE.atYear(year);
        return deadline.isAfter(today) ? deadline : today.plusDays(14);
    }

    private final ProjectRepository projects;
    private final EvaluationRepository evaluations;
    private final ExpertGroupRepository groups;
    private final OrgUnits orgUnits;
    private final Clock clock;

    ProjectScope(
            ProjectRepository projects,
            EvaluationRepository evaluations,
            ExpertGroupRepository groups,
            OrgUnits orgUnits,
            Clock clock) {
        this.projects = projects;
        this.evaluations = evaluations;
        this.groups = groups;
        this.orgUnits = orgUnits;
        this.clock = clock;
    }

    /**
     * The level the file is being scored at, when the current user sits in a group of that level covering the
     * school and holds an expert grant for it; otherwise 409 (not being scored) or 403.
     */
    public Phase requireGroupMember(Project p, Evaluation e) {
        Phase level = e.getState().scoringLevel();
        if (level == null) {
            throw new ConflictException(
                    "evaluation.error.not-scoring", e.getState().name());
        }
        if (!groupMember(p, e, level)) {
            throw new ForbiddenException("evaluation.error.not-in-group");
        }
        return level;
    }

    /** The current user sits in a group of the level covering the school and holds an expert grant for it. */
    public boolean groupMember(Project p, Evaluation e, Phase level) {
        String username = Access.currentUsername();
        return level != null
                && groupsOf(p).stream()
                        .anyMatch(g -> g.getLevel() == level && g.covers(e.getOrgUnitId()) && g.hasMember(username))
                && Hats.expertAt(Access.grants(), place(e.getUnitPath()), level);
    }

    /** Managing a readable project (or its city level): directors or administrators there, otherwise 403. */
    public static void requireManager(String path) {
        if (!Access.can(Role.OFFICE, path)) {
            throw new ForbiddenException("error.forbidden");
        }
    }

    /** A project the current user may read; otherwise it "does not exist". */
    public Project readable(String code) {
        Project p = code == null ? null : projects.findByCode(code.trim()).orElse(null);
        if (p == null || !Access.canReadInherited(p.getOwnerPath())) {
            throw new NotFoundException("project " + code);
        }
        return p;
    }

    /** Whether the project has a public 公示 page: a school of it is under 公示. */
    public boolean isPublished(String code) {
        Project p = code == null ? null : projects.findByCode(code.trim()).orElse(null);
        return p != null && evaluations.existsByProjectIdAndState(p.getId(), EvaluationState.PUBLICITY);
    }

    /**
     * Without a signed-in user, for the public 公示 page: only a project with a school under 公示 is public; any
     * other answers as if it did not exist, so nobody learns of projects anonymously.
     */
    public Project published(String code) {
        Project p = projects.findByCode(code == null ? "" : code.trim()).orElse(null);
        if (p == null || !evaluations.existsByProjectIdAndState(p.getId(), EvaluationState.PUBLICITY)) {
            throw new NotFoundException("project " + code);
        }
        return p;
    }

    /** Where a school sits: its township, county and city paths (none needs the user's scope). */
    public Place place(String schoolPath) {
        List<Long> ids = Arrays.stream(schoolPath.split("/"))
                .filter(s -> !s.isEmpty())
                .map(Long::valueOf)
                .toList();
        Map<Long, OrgUnitRef> refs = orgUnits.refs(ids);
        String township = null, county = null, city = null, province = null;
        // the school's parent is a township, or the county itself for a 县属 school
        OrgUnitRef parent = ids.size() > 1 ? refs.get(ids.get(ids.size() - 2)) : null;
        if (parent != null && parent.kind().level() == OrgKind.Level.TOWNSHIP) township = parent.path();
        for (Long id : ids) {
            OrgUnitRef u = refs.get(id);
            if (u.kind().level() == OrgKind.Level.COUNTY) county = u.path();
            if (u.kind().level() == OrgKind.Level.CITY) city = u.path();
            if (u.kind().level() == OrgKind.Level.PROVINCE) province = u.path();
        }
        return new Place(schoolPath, township, county, city, province);
    }

    /** The city above (or at) the owner. */
    public String cityPath(Project p) {
        List<Long> ids = Arrays.stream(p.getOwnerPath().split("/"))
                .filter(s -> !s.isEmpty())
                .map(Long::valueOf)
                .toList();
        return orgUnits.refs(ids).values().stream()
                .filter(u -> u.kind().level() == OrgKind.Level.CITY)
                .map(OrgUnitRef::path)
                .findFirst()
                .orElse(p.getOwnerPath());
    }

    /** The province above the owner (its root path). */
    public String provincePath(Project p) {
        String path = p.getOwnerPath();
        int second = path.indexOf('/', 1);
        return second < 0 ? path : path.substring(0, second + 1);
    }

    public List<ExpertGroup> groupsOf(Project p) {
        return groups.findByProjectIdOrderByIdAsc(p.getId());
    }

    public ProjectView view(Project p) {
        OrgUnitRef owner = orgUnits.refs(List.of(p.getOrgUnitId())).get(p.getOrgUnitId());
        List<Evaluation> files = evaluations.findByProjectIdOrderByIdAsc(p.getId());
        LocalDate today = LocalDate.now(clock);
        long overdue =
                files.stream().filter(e -> p.overdue(e.getState(), today)).count();
        return new ProjectView(
                p.getCode(),
                p.getName(),
                p.getYear(),
                p.getSchemeCode(),
                p.getSchemeVersionId(),
                owner.code(),
                owner.name(),
                p.getDeadline(),
                p.getPublicityDays(),
                new ProjectView.Quota(
                        p.getQuotaPrimary() + p.getQuotaSecondary(), p.getQuotaPrimary(), p.getQuotaSecondary()),
                files.size(),
                Access.can(Role.OFFICE, p.getOwnerPath()),
                p.getCountyDeadline(),
                p.getCityDeadline(),
                overdue,
                p.getCollectionTaskId(),
                p.getRowVersion(),
                p.template(),
                p.unitKinds().stream().map(OrgKind::name).sorted().toList(),
                p.reviewChain().view());
    }
}
