package org.dudao.evaluation.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dudao.audit.AuditLog;
import org.dudao.evaluation.Phase;
import org.dudao.org.OrgUnitRef;
import org.dudao.org.OrgUnits;
import org.dudao.shared.Access;
import org.dudao.shared.PersonNames;
import org.dudao.shared.Problems;
import org.dudao.shared.Role;
import org.dudao.user.RoleHolder;
import org.dudao.user.Users;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Forming the expert groups of a project: a county group by the project owner, a city group by the city office
 * above it; every member is an expert who may score each assigned school at the group's level ({@link Hats}).
 */
@Service
public class ExpertGroups {

    private final ProjectScope projects;
    private final EvaluationRepository evaluations;
    private final ExpertGroupRepository groups;
    private final OrgUnits orgUnits;
    private final Users users;
    private final PersonNames names;
    private final AuditLog audit;
    private final Clock clock;

    ExpertGroups(
            ProjectScope projects,
            EvaluationRepository evaluations,
            ExpertGroupRepository groups,
            OrgUnits orgUnits,
            Users users,
            PersonNames names,
            AuditLog audit,
            Clock clock) {
        this.projects = projects;
        this.evaluations = evaluations;
        this.groups = groups;
        this.orgUnits = orgUnits;
        this.users = users;
        this.names = names;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<GroupView> groups(String code) {
        Project p = projects.readable(code);
        return projects.groupsOf(p).stream().map(this::view).toList();
    }

    /** Forms an expert group of a level and assigns it schools of the project. */
    @Transactional
    public GroupView addGroup(String code, GroupForm form) {
        Project p = projects.readable(code);
        Problems problems = new Problems();
        Phase level = level(problems, form.level());
        if (level != null) {
            // the role first: who may not form groups here learns nothing from the checks of the schools
            ProjectScope.requireManager(formedBy(p, level));
        }
        if (problems.required("name", form.name())) problems.name("name", form.name(), 200);
        problems.required("leader", form.leader());
        List<String> members = members(problems, form);
        Map<Long, Evaluation> files = new LinkedHashMap<>();
        evaluations.findByProjectIdOrderByIdAsc(p.getId()).forEach(e -> files.put(e.getOrgUnitId(), e));
        List<Long> units = schools(problems, form.schools(), files);
        problems.throwIfAny();
        String formedBy = formedBy(p, level);
        String leader = form.leader().trim();
        List<String> all = new ArrayList<>(members);
        if (!all.contains(leader)) all.add(0, leader);
        checkExperts(problems, formedBy, level, leader, all, units, files);
        problems.throwIfAny();
        ExpertGroup g = groups.saveAndFlush(
                new ExpertGroup(p.getId(), level, form.name().trim(), leader, all, units, Instant.now(clock)));
        GroupView view = view(g);
        audit.created("ExpertGroup", g.getId(), g.getName(), p.getOwnerPath(), view);
        return view;
    }

    /**
     * The experts the current user may put into a group of this project: per level the user forms groups at,
     * every expert who may score at least one of the project's schools at that level.
     */
    @Transactional(readOnly = true)
    public List<ExpertOption> experts(String code) {
        Project p = projects.readable(code);
        List<Place> places = evaluations.findByProjectIdOrderByIdAsc(p.getId()).stream()
                .map(e -> projects.place(e.getUnitPath()))
                .toList();
        List<ExpertOption> options = new ArrayList<>();
        for (Phase level : List.of(Phase.COUNTY, Phase.CITY, Phase.PROVINCE)) {
            String formedBy = formedBy(p, level);
            if (!Access.can(Role.OFFICE, formedBy)) {
                continue;
            }
            for (RoleHolder h : users.holders(Role.EXPERT, formedBy)) {
                if (places.stream().anyMatch(place -> Hats.expertAt(h.grants(), place, level))) {
                    options.add(new ExpertOption(level.name(), h.username(), h.displayName()));
                }
            }
        }
        return options;
    }

    /** An expert offered by the group form at a level. */
    public record ExpertOption(String level, String username, String displayName) {}

    /** County groups are formed by the project owner, city groups by the city office above it, province ones by the province's. */
    private String formedBy(Project p, Phase level) {
        return switch (level) {
            case COUNTY -> p.getOwnerPath();
            case PROVINCE -> projects.provincePath(p);
            default -> projects.cityPath(p);
        };
    }

    /** The review level of a group: COUNTY (初评) or CITY (复核). */
    private static Phase level(Problems problems, String text) {
        if (!problems.required("level", text)) {
            return null;
        }
        Phase level;
        try {
            level = Phase.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            level = null;
        }
        if (level != Phase.COUNTY && level != Phase.CITY && level != Phase.PROVINCE) {
            problems.add("level", "evaluation.error.level");
        }
        return level;
    }

    /** The members' usernames, trimmed and distinct (a comma would break the stored list). */
    private static List<String> members(Problems problems, GroupForm form) {
        List<String> members = form.members() == null
                ? List.of()
                : form.members().stream()
                        .filter(m -> m != null && !m.isBlank())
                        .map(String::trim)
                        .distinct()
                        .toList();
        if (members.stream().anyMatch(m -> m.contains(","))) {
            problems.add("members", "evaluation.error.username");
        }
        if (form.leader() != null && form.leader().contains(",")) {
            problems.add("leader", "evaluation.error.username");
        }
        return members;
    }

    /** The assigned schools: readable ones that have a file in the project. */
    private List<Long> schools(Problems problems, List<String> codes, Map<Long, Evaluation> files) {
        List<Long> units = new ArrayList<>();
        if (codes == null || codes.isEmpty()) {
            problems.add("schools", "error.required");
            return units;
        }
        Map<String, OrgUnitRef> found = orgUnits.readableByCode(codes);
        for (String c : codes) {
            OrgUnitRef u = c == null ? null : found.get(c.trim());
            if (u == null || !files.containsKey(u.id())) {
                problems.add("schools", "evaluation.error.school-unknown", c);
            } else {
                units.add(u.id());
            }
        }
        return units;
    }

    /** Everyone in the group is an expert who may score every assigned school at this level. */
    private void checkExperts(
            Problems problems,
            String formedBy,
            Phase level,
            String leader,
            List<String> all,
            List<Long> units,
            Map<Long, Evaluation> files) {
        Map<String, RoleHolder> experts = new LinkedHashMap<>();
        users.holders(Role.EXPERT, formedBy).forEach(h -> experts.put(h.username(), h));
        Map<Long, Place> places = new LinkedHashMap<>();
        for (Long unit : units) {
            places.put(unit, projects.place(files.get(unit).getUnitPath()));
        }
        Map<Long, OrgUnitRef> schoolRefs = orgUnits.refs(units);
        for (String name : all) {
            String field = name.equals(leader) ? "leader" : "members";
            RoleHolder h = experts.get(name);
            if (h == null) {
                problems.add(field, "evaluation.error.not-expert", name);
                continue;
            }
            for (Long unit : units) {
                if (!Hats.expertAt(h.grants(), places.get(unit), level)) {
                    problems.add(
                            field,
                            "evaluation.error.expert-not-covering",
                            name,
                            schoolRefs.get(unit).name());
                    break;
                }
            }
        }
    }

    private GroupView view(ExpertGroup g) {
        Map<Long, OrgUnitRef> refs = orgUnits.refs(g.unitIds());
        List<String> people = new ArrayList<>(g.memberList());
        people.add(g.getLeader());
        Map<String, String> named = names.of(people);
        return new GroupView(
                g.getId(),
                g.getLevel().name(),
                g.getName(),
                g.getLeader(),
                named.getOrDefault(g.getLeader(), g.getLeader()),
                g.memberList(),
                g.memberList().stream().map(u -> named.getOrDefault(u, u)).toList(),
                g.unitIds().stream().map(id -> refs.get(id).code()).toList(),
                g.unitIds().stream().map(id -> refs.get(id).name()).toList());
    }
}
