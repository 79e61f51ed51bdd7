package org.dudao.evaluation.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.dudao.audit.AuditLog;
import org.dudao.evaluation.Phase;
import org.dudao.org.OrgUnitRef;
import org.dudao.org.OrgUnits;
import org.dudao.shared.Access;
import org.dudao.shared.ConflictException;
import org.dudao.shared.InvalidInputException;
import org.dudao.shared.NotFoundException;
import org.dudao.shared.Problems;
import org.dudao.shared.Role;
import org.dudao.user.RoleHolder;
import org.dudao.user.Users;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Drawing a group's experts at random from the 专家库 (the pools of the office forming the group, of the offices
 * above it and of those below it), leaving out whoever has a conflict of interest: an expert whose home unit is
 * one of the group's schools or lies in the county of one. Each draw is recorded with its seed, so it can be
 * repeated. Drawn experts join the group through their linked expert user and confirm or decline; a decline leaves
 * room for another draw under the same rules.
 */
@Service
public class ExpertDraws {

    static final int MAX_COUNT = 30;

    private final ProjectScope projects;
    private final ExpertGroupRepository groups;
    private final ExpertRepository experts;
    private final ExpertDrawRepository draws;
    private final GroupExpertRepository drawn;
    private final GroupObserverRepository observers;
    private final OrgUnits orgUnits;
    private final Users users;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    ExpertDraws(
            ProjectScope projects,
            ExpertGroupRepository groups,
            ExpertRepository experts,
            ExpertDrawRepository draws,
            GroupExpertRepository drawn,
            GroupObserverRepository observers,
            OrgUnits orgUnits,
            Users users,
            AuditLog audit,
            ObjectMapper json,
            JdbcTemplate jdbc,
            Clock clock) {
        this.projects = projects;
        this.groups = groups;
        this.experts = experts;
        this.draws = draws;
        this.drawn = drawn;
        this.observers = observers;
        this.orgUnits = orgUnits;
        this.users = users;
        this.audit = audit;
        this.json = json;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The group's drawn experts, draws and observers, for the office forming it. */
    @Transactional(readOnly = true)
    public GroupBoard board(String code, Long groupId) {
        Project p = projects.readable(code);
        ExpertGroup g = group(p, groupId);
        ProjectScope.requireManager(formedBy(p, g));
        return board(g);
    }

    /** Whether the user forms (and so draws) this group of a project they read: the pages' links. */
    @Transactional(readOnly = true)
    public boolean canDraw(String code, Long groupId) {
        Project p = projects.readable(code);
        return Access.can(Role.OFFICE, formedBy(p, group(p, groupId)));
    }

    @Transactional
    public DrawView draw(String code, Long groupId, DrawRequest request) {
        Project p = projects.readable(code);
        ExpertGroup g = group(p, groupId);
        String formedBy = formedBy(p, g);
        ProjectScope.requireManager(formedBy);
        DrawRequest r = request == null ? new DrawRequest(null, null, null) : request;
        Problems problems = new Problems();
        if (r.count() == null) {
            problems.add("count", "error.required");
        } else if (r.count() < 1 || r.count() > MAX_COUNT) {
            problems.add("count", "error.range", 1, MAX_COUNT);
        }
        String field = ExpertPool.blankToNull(r.field());
        problems.name("field", field, 64);
        if (r.seed() != null && r.seed() < 0) problems.add("seed", "error.range", 0, Long.MAX_VALUE);
        problems.throwIfAny();
        long seed = r.seed() == null ? Lots.newSeed() : r.seed();

        List<Expert> pool = pool(formedBy).stream()
                .filter(e -> field == null || e.getField().equals(field))
                .toList();
        Map<Long, String> reasons = new LinkedHashMap<>();
        Map<Long, String> conflictUnits = new LinkedHashMap<>();
        exclusions(g, formedBy, pool, reasons, conflictUnits);
        List<Expert> eligible =
                pool.stream().filter(e -> !reasons.containsKey(e.getId())).toList();
        if (eligible.size() < r.count()) {
            throw InvalidInputException.of("count", "experts.error.too-few", eligible.size());
        }
        List<Expert> chosen = Lots.draw(eligible, Expert::getId, r.count(), seed);
        List<DrawView.Excluded> excluded = new ArrayList<>();
        pool.stream()
                .filter(e -> reasons.containsKey(e.getId()))
                .forEach(e -> excluded.add(new DrawView.Excluded(
                        e.getId(), e.getName(), reasons.get(e.getId()), conflictUnits.get(e.getId()))));
        ExpertDraw d = draws.saveAndFlush(new ExpertDraw(
                g.getId(),
                seed,
                field,
                r.count(),
                write(pool.stream()
                        .map(e -> new DrawView.Person(e.getId(), e.getName()))
                        .toList()),
                write(excluded),
                write(chosen.stream()
                        .map(e -> new DrawView.Person(e.getId(), e.getName()))
                        .toList()),
                Access.currentUsername(),
                Instant.now(clock)));
        for (Expert e : chosen) {
            drawn.save(new GroupExpert(g.getId(), e.getId(), d.getId()));
            g.addMember(e.getUsername());
        }
        groups.saveAndFlush(g);
        DrawView view = view(d);
        audit.created("ExpertDraw", d.getId(), g.getName(), p.getOwnerPath(), view);
        return view;
    }

    /** The expert (their linked user) or the office for them confirms or declines; a decline leaves the group. */
    @Transactional
    public GroupBoard answer(String code, Long groupId, Long expertId, String answer) {
        Project p = projects.readable(code);
        ExpertGroup g = group(p, groupId);
        GroupExpert member = expertId == null
                ? null
                : drawn.findByGroupIdAndExpertId(g.getId(), expertId).orElse(null);
        Expert expert = member == null ? null : experts.findById(expertId).orElse(null);
        boolean self = expert != null && Access.currentUsername().equals(expert.getUsername());
        if (expert == null || !(self || Access.can(Role.OFFICE, formedBy(p, g)))) {
            throw new NotFoundException("drawn expert " + expertId);
        }
        String a = answer == null ? "" : answer.trim().toUpperCase(Locale.ROOT);
        if (!a.equals("CONFIRM") && !a.equals("DECLINE")) {
            throw InvalidInputException.of("answer", "experts.error.answer");
        }
        if (!member.getStatus().equals(GroupExpert.INVITED)) {
            throw new ConflictException("experts.error.answered", expert.getName());
        }
        member.answer(a.equals("CONFIRM"), Access.currentUsername(), Instant.now(clock));
        drawn.saveAndFlush(member);
        if (a.equals("DECLINE") && !expert.getUsername().equals(g.getLeader())) {
            g.removeMember(expert.getUsername());
            groups.saveAndFlush(g);
        }
        audit.updated(
                "GroupExpert",
                expertId,
                g.getName() + " " + expert.getName(),
                p.getOwnerPath(),
                GroupExpert.INVITED,
                member.getStatus());
        return board(g);
    }

    /** A group the signed-in user was drawn into and has not answered yet. */
    public record Invitation(
            String project,
            String projectName,
            Long group,
            String groupName,
            String level,
            Long expert,
            Instant drawnAt) {}

    /** The signed-in user's unanswered invitations (pool entries linked to their login), oldest first. */
    @Transactional(readOnly = true)
    public List<Invitation> invitations() {
        return jdbc.query(
                "select p.code, p.name, g.id, g.name, g.review_level, e.id, d.drawn_at from group_expert ge"
                        + " join expert e on e.id = ge.expert_id join expert_group g on g.id = ge.group_id"
                        + " join eval_project p on p.id = g.project_id join expert_draw d on d.id = ge.draw_id"
                        + " where e.username = ? and ge.status = ? order by d.drawn_at, ge.id",
                (rs, i) -> new Invitation(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getLong(6),
                        rs.getObject(7, java.time.OffsetDateTime.class).toInstant()),
                Access.currentUsername(),
                GroupExpert.INVITED);
    }

    /** Adds an observer (人大代表 NPC or 政协委员 CPPCC): listed with the group, never a scorer. */
    @Transactional
    public GroupBoard addObserver(String code, Long groupId, String name, String role) {
        Project p = projects.readable(code);
        ExpertGroup g = group(p, groupId);
        ProjectScope.requireManager(formedBy(p, g));
        Problems problems = new Problems();
        if (problems.required("name", name)) problems.name("name", name, 64);
        String r = role == null ? "" : role.trim().toUpperCase(Locale.ROOT);
        if (!r.equals("NPC") && !r.equals("CPPCC")) problems.add("role", "experts.error.observer-role");
        problems.throwIfAny();
        GroupObserver o = observers.saveAndFlush(
                new GroupObserver(g.getId(), name.trim(), r, Access.currentUsername(), Instant.now(clock)));
        audit.created("GroupObserver", o.getId(), o.getName(), p.getOwnerPath(), Map.of("group", g.getId(), "role", r));
        return board(g);
    }

    /** Who forms the group: the project owner at the county level, the city above at the city level. */
    String formedBy(Project p, ExpertGroup g) {
        return g.getLevel() == Phase.COUNTY ? p.getOwnerPath() : projects.cityPath(p);
    }

    ExpertGroup group(Project p, Long groupId) {
        ExpertGroup g = groupId == null ? null : groups.findById(groupId).orElse(null);
        if (g == null || !g.getProjectId().equals(p.getId())) {
            throw new NotFoundException("expert group " + groupId);
        }
        return g;
    }

    /** The pools at and above the forming office and below it, in id order. */
    private List<Expert> pool(String formedBy) {
        List<String> above = new ArrayList<>();
        StringBuilder path = new StringBuilder("/");
        for (String part : formedBy.split("/")) {
            if (part.isEmpty()) continue;
            path.append(part).append('/');
            above.add(path.toString());
        }
        Map<Long, Expert> found = new java.util.TreeMap<>();
        experts.findByOfficePathInOrderByIdAsc(above).forEach(e -> found.put(e.getId(), e));
        experts.findUnder(formedBy).forEach(e -> found.put(e.getId(), e));
        return List.copyOf(found.values());
    }

    /** Why each expert of the pool may not be drawn for this group, if they may not. */
    private void exclusions(
            ExpertGroup g,
            String formedBy,
            List<Expert> pool,
            Map<Long, String> reasons,
            Map<Long, String> conflictUnits) {
        Map<Long, OrgUnitRef> schools = orgUnits.refs(g.unitIds());
        Map<Long, Place> places = new LinkedHashMap<>();
        schools.forEach((id, u) -> places.put(id, projects.place(u.path())));
        Set<Long> already = new HashSet<>();
        drawn.findByGroupIdOrderByIdAsc(g.getId()).forEach(m -> already.add(m.getExpertId()));
        Map<String, RoleHolder> holders = new LinkedHashMap<>();
        users.holders(Role.EXPERT, formedBy).forEach(h -> holders.put(h.username(), h));
        for (Expert e : pool) {
            String conflict = conflict(e, schools, places);
            if (conflict != null) {
                reasons.put(e.getId(), "CONFLICT");
                conflictUnits.put(e.getId(), conflict);
            } else if (!e.isActive()) {
                reasons.put(e.getId(), "INACTIVE");
            } else if (already.contains(e.getId()) || (e.getUsername() != null && g.hasMember(e.getUsername()))) {
                reasons.put(e.getId(), "IN_GROUP");
            } else if (e.getUsername() == null) {
                reasons.put(e.getId(), "NO_ACCOUNT");
            } else {
                RoleHolder h = holders.get(e.getUsername());
                if (h == null
                        || places.values().stream()
                                .anyMatch(place -> !Hats.expertAt(h.grants(), place, g.getLevel()))) {
                    reasons.put(e.getId(), "NO_GRANT");
                }
            }
        }
    }

    /** The name of a school the expert may not judge: it is their home unit, or in the same county. */
    private static String conflict(Expert e, Map<Long, OrgUnitRef> schools, Map<Long, Place> places) {
        for (Map.Entry<Long, OrgUnitRef> s : schools.entrySet()) {
            Place place = places.get(s.getKey());
            String county = place.county() != null ? place.county() : place.school();
            if (e.getHomePath().startsWith(county) || e.getHomePath().equals(place.school())) {
                return s.getValue().name();
            }
        }
        return null;
    }

    private GroupBoard board(ExpertGroup g) {
        List<GroupExpert> members = drawn.findByGroupIdOrderByIdAsc(g.getId());
        Map<Long, Expert> byId = new LinkedHashMap<>();
        experts.findAllById(members.stream().map(GroupExpert::getExpertId).toList())
                .forEach(e -> byId.put(e.getId(), e));
        return new GroupBoard(
                g.getId(),
                g.getLevel().name(),
                g.getName(),
                members.stream()
                        .map(m -> {
                            Expert e = byId.get(m.getExpertId());
                            return new GroupBoard.Member(
                                    e.getId(),
                                    e.getName(),
                                    e.getField(),
                                    e.getTitle(),
                                    e.getUsername(),
                                    m.getStatus(),
                                    m.getAnsweredAt());
                        })
                        .toList(),
                draws.findByGroupIdOrderByIdAsc(g.getId()).stream()
                        .map(this::view)
                        .toList(),
                observers.findByGroupIdOrderByIdAsc(g.getId()).stream()
                        .map(o -> new GroupBoard.Observer(o.getId(), o.getName(), o.getRole()))
                        .toList());
    }

    private DrawView view(ExpertDraw d) {
        return new DrawView(
                d.getId(),
                d.getSeed(),
                d.getField(),
                d.getRequested(),
                d.getDrawnBy(),
                d.getDrawnAt(),
                read(d.getCandidates(), new TypeReference<List<DrawView.Person>>() {}),
                read(d.getExcluded(), new TypeReference<List<DrawView.Excluded>>() {}),
                read(d.getDrawn(), new TypeReference<List<DrawView.Person>>() {}));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
