package org.dudao.evaluation.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dudao.org.OrgKind;
import org.dudao.org.OrgUnitRef;
import org.dudao.org.OrgUnits;
import org.dudao.shared.Access;
import org.dudao.shared.Grant;
import org.dudao.shared.IdList;
import org.dudao.shared.Role;
import org.dudao.shared.Todo;
import org.dudao.shared.TodoSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * 待办 of the acceptance, following the capacities of {@link Hats} and the steps of {@link Workflow}: the school's
 * clerk fills in and its head signs the self-evaluation, the township submits signed files, experts score the
 * files of their groups at the group's level, the county and city offices approve what their level scored and
 * answer objections during 公示. Counted in the database, one entry per project.
 */
@Component
class EvaluationTodos implements TodoSource {

    private static final String FILES = " from evaluation e join eval_project p on p.id = e.project_id"
            + " join org_unit u on u.id = e.org_unit_id where ";
    private static final String GROUP = " group by p.id, p.code, p.name";

    private final JdbcTemplate jdbc;
    private final OrgUnits orgUnits;
    private final ExpertDraws draws;
    private final Clock clock;

    EvaluationTodos(JdbcTemplate jdbc, OrgUnits orgUnits, ExpertDraws draws, Clock clock) {
        this.jdbc = jdbc;
        this.orgUnits = orgUnits;
        this.draws = draws;
        this.clock = clock;
    }

    @Override
    public List<Todo> todos() {
        List<Todo> result = new ArrayList<>();
        List<Grant> grants = Access.grants();
        Map<Long, OrgUnitRef> nodes = orgUnits.refs(grants.stream()
                .filter(g -> g.path() != null)
                .map(g -> nodeId(g.path()))
                .toList());
        for (Grant g : grants) {
            OrgUnitRef node = g.path() == null ? null : nodes.get(nodeId(g.path()));
            if (node != null) {
                result.addAll(atNode(g.role(), node));
            }
        }
        result.addAll(toScore());
        result.addAll(invitations());
        return result;
    }

    /** A drawn expert's unanswered invitations, one entry per project. */
    private List<Todo> invitations() {
        Map<String, Long> byProject = draws.invitations().stream()
                .collect(java.util.stream.Collectors.groupingBy(
                        ExpertDraws.Invitation::projectName,
                        java.util.LinkedHashMap::new,
                        java.util.stream.Collectors.counting()));
        return byProject.entrySet().stream()
                .map(e -> new Todo(
                        "todo.evaluation.invitation",
                        List.of(e.getKey()),
                        e.getValue(),
                        null,
                        false,
                        "/experts/invitations"))
                .toList();
    }

    private List<Todo> atNode(Role role, OrgUnitRef node) {
        OrgKind.Level level = node.kind().level();
        String here = node.path();
        String deadline = "min(coalesce(e.extended_to, p.deadline))";
        if (role == Role.CLERK && node.kind().isSchool()) {
            return files("todo.evaluation.self", deadline, "e.state = 'SELF_DRAFT' and e.unit_path = ?", here);
        }
        if (role == Role.HEAD && node.kind().isSchool()) {
            return files("todo.evaluation.sign", deadline, "e.state = 'SELF_DRAFT' and e.unit_path = ?", here);
        }
        boolean townshipRole = role == Role.CLERK || role == Role.HEAD || role == Role.DIRECTOR;
        if (townshipRole && level == OrgKind.Level.TOWNSHIP) {
            return files("todo.evaluation.township", deadline, under("SELF_SIGNED"), here + "%", here);
        }
        if (role == Role.DIRECTOR && level == OrgKind.Level.PROVINCE) {
            // the province approves what a chain sends it (先进县): its decision, then its 公示 and plaque
            List<Todo> result = new ArrayList<>(files(
                    "todo.evaluation.approve-province",
                    "cast(null as date)",
                    under("PROVINCE_SCORED"),
                    here + "%",
                    here));
            result.addAll(objections(here));
            result.addAll(asBody(level, here));
            return result;
        }
        if (role != Role.DIRECTOR || (level != OrgKind.Level.COUNTY && level != OrgKind.Level.CITY)) {
            return List.of();
        }
        List<Todo> result = new ArrayList<>();
        if (level == OrgKind.Level.COUNTY) {
            result.addAll(files(
                    "todo.evaluation.approve-county",
                    "min(p.county_deadline)",
                    under("COUNTY_SCORED"),
                    here + "%",
                    here));
        } else {
            result.addAll(files(
                    "todo.evaluation.approve-city", "min(p.city_deadline)", under("CITY_SCORED"), here + "%", here));
        }
        result.addAll(objections(here));
        result.addAll(asBody(level, here));
        return result;
    }

    /**
     * The approving body's part (the county's for 小学, the city's for the other schools): approve once 公示 is
     * over with every objection answered, then award the plaque.
     */
    private List<Todo> asBody(OrgKind.Level level, String here) {
        String kinds = EvaluationFiles.CITY_APPROVES.stream()
                .map(k -> "'" + k.name() + "'")
                .collect(java.util.stream.Collectors.joining(","));
        String body = level == OrgKind.Level.PROVINCE
                ? " and p.id in (select c.project_id from eval_chain_level c where c.level = 'PROVINCE' and c.approves)"
                : (level == OrgKind.Level.CITY ? " and u.kind in (" : " and u.kind not in (") + kinds + ")";
        String none = "cast(null as date)";
        List<Todo> result = new ArrayList<>(files(
                "todo.evaluation.publicity-over",
                none,
                "e.state = 'PUBLICITY' and e.publicity_until <= ? and not exists (select 1 from objection o"
                        + " where o.evaluation_id = e.id and o.answer is null) and e.unit_path like ?" + body,
                java.time.OffsetDateTime.now(clock),
                here + "%"));
        result.addAll(files(
                "todo.evaluation.certify", none, "e.state = 'APPROVED' and e.unit_path like ?" + body, here + "%"));
        return result;
    }

    private static String under(String state) {
        return "e.state = '" + state + "' and e.unit_path like ? and e.unit_path <> ?";
    }

    private List<Todo> files(String kind, String deadline, String where, Object... args) {
        LocalDate today = LocalDate.now(clock);
        return jdbc.query(
                "select p.code, p.name, " + deadline + ", count(*), min(u.code), max(u.code)" + FILES + where + GROUP,
                (rs, i) -> {
                    LocalDate due = rs.getObject(3, LocalDate.class);
                    return new Todo(
                            kind,
                            List.of(rs.getString(2)),
                            rs.getLong(4),
                            due,
                            due != null && today.isAfter(due),
                            link(rs));
                },
                args);
    }

    /** Objections not yet answered on files under 公示 below the office (owner or approving body answers). */
    private List<Todo> objections(String here) {
        LocalDate today = LocalDate.now(clock);
        return jdbc.query(
                "select p.code, p.name, min(e.publicity_until), count(*), min(u.code), max(u.code)"
                        + " from objection o join evaluation e on e.id = o.evaluation_id"
                        + " join eval_project p on p.id = e.project_id join org_unit u on u.id = e.org_unit_id"
                        + " where o.answer is null and e.state = 'PUBLICITY' and e.unit_path like ?"
                        + GROUP,
                (rs, i) -> {
                    OffsetDateTime until = rs.getObject(3, OffsetDateTime.class);
                    LocalDate due = until == null
                            ? null
                            : until.atZoneSameInstant(clock.getZone()).toLocalDate();
                    return new Todo(
                            "todo.evaluation.objections",
                            List.of(rs.getString(2)),
                            rs.getLong(4),
                            due,
                            due != null && today.isAfter(due),
                            link(rs));
                },
                here + "%");
    }

    /** Sheets the user has not yet submitted, for files of their groups now scored at the group's level. */
    private List<Todo> toScore() {
        if (!Access.holdsAny(Set.of(Role.EXPERT))) {
            return List.of();
        }
        String me = Access.currentUsername();
        LocalDate today = LocalDate.now(clock);
        List<Todo> result = new ArrayList<>();
        jdbc.query(
                "select project_id, review_level, leader, members, units from expert_group"
                        + " where leader = ? or members like ?",
                rs -> {
                    if (!me.equals(rs.getString(3))
                            && !Arrays.asList(rs.getString(4).split(",")).contains(me)) {
                        return;
                    }
                    String level = rs.getString(2);
                    List<Long> units = readable(rs.getString(5));
                    if (units.isEmpty()) {
                        return;
                    }
                    String in = String.join(",", Collections.nCopies(units.size(), "?"));
                    List<Object> args = new ArrayList<>(List.of(rs.getLong(1), level + "_SCORING", level, me));
                    args.addAll(units);
                    result.addAll(jdbc.query(
                            "select p.code, p.name, min("
                                    + ("CITY".equals(level) ? "p.city_deadline" : "p.county_deadline")
                                    + "), count(*), min(u.code), max(u.code)" + FILES
                                    + "p.id = ? and e.state = ? and not exists (select 1 from expert_score s"
                                    + " where s.evaluation_id = e.id and s.review_level = ? and s.username = ?)"
                                    + " and e.org_unit_id in (" + in + ")" + GROUP,
                            (r, i) -> {
                                LocalDate due = r.getObject(3, LocalDate.class);
                                return new Todo(
                                        "todo.evaluation.score",
                                        List.of(r.getString(2)),
                                        r.getLong(4),
                                        due,
                                        due != null && today.isAfter(due),
                                        link(r));
                            },
                            args.toArray()));
                },
                me,
                "%" + me + "%");
        return result;
    }

    /** The group's schools that the expert may read. */
    private List<Long> readable(String units) {
        if (units == null || units.isBlank()) {
            return List.of();
        }
        List<Long> ids = IdList.of(units);
        return orgUnits.refs(ids).values().stream()
                .filter(u -> Access.canRead(u.path()))
                .map(OrgUnitRef::id)
                .toList();
    }

    /** The file itself when there is one, else the project's list. */
    private static String link(ResultSet rs) throws SQLException {
        String first = rs.getString(5);
        return first.equals(rs.getString(6))
                ? "/evaluation/%s/%s".formatted(rs.getString(1), first)
                : "/evaluation/" + rs.getString(1);
    }

    private static Long nodeId(String path) {
        String[] parts = path.split("/");
        return Long.valueOf(parts[parts.length - 1]);
    }
}
