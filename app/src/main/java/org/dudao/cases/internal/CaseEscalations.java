package org.dudao.cases.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dudao.audit.AuditLog;
import org.dudao.calendar.WorkingDays;
import org.dudao.org.OrgKind;
import org.dudao.org.OrgUnitRef;
import org.dudao.org.OrgUnits;
import org.dudao.shared.Access;
import org.dudao.shared.ChangeClock;
import org.dudao.shared.ForbiddenException;
import org.dudao.shared.IssuingOffices;
import org.dudao.shared.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminders and escalation of open cases on the working-day clock (SPEC §8): REMINDER when the due day is at most
 * {@code dudao.cases.reminder-days} working days away; URGE, a numbered 催办通知书 of the county's office, from the
 * first working day after the due day; CRITICISM (通报批评) five working days after that. Each stage once per case,
 * whichever node gets there first (unique key; the loser's transaction for that case rolls back); each on the
 * case's timeline and in the audit log.
 */
@Service
public class CaseEscalations {

    private static final Logger log = LoggerFactory.getLogger(CaseEscalations.class);

    /** The stages, in order. */
    public enum Stage {
        REMINDER,
        URGE,
        CRITICISM
    }

    public record Run(int looked, int recorded, Map<String, Integer> byStage) {}

    private final JdbcTemplate jdbc;
    private final WorkingDays workingDays;
    private final OrgUnits orgUnits;
    private final IssuingOffices offices;
    private final AuditLog audit;
    private final ChangeClock changes;
    private final TransactionTemplate perCase;
    private final Clock clock;
    private final int reminderDays;

    CaseEscalations(
            JdbcTemplate jdbc,
            WorkingDays workingDays,
            OrgUnits orgUnits,
            IssuingOffices offices,
            AuditLog audit,
            ChangeClock changes,
            PlatformTransactionManager transactions,
            Clock clock,
            @Value("${dudao.cases.reminder-days:2}") int reminderDays) {
        this.jdbc = jdbc;
        this.workingDays = workingDays;
        this.orgUnits = orgUnits;
        this.offices = offices;
        this.audit = audit;
        this.changes = changes;
        this.perCase = new TransactionTemplate(transactions);
        this.perCase.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.reminderDays = reminderDays;
    }

    /** The scheduler's run over the whole tree, as the system. */
    Run escalateOverdue() {
        return escalateUnder("/", clock);
    }

    /** A run over one subtree as the system, at the time of {@code at}. */
    Run escalateUnder(String path, Clock at) {
        Run[] run = new Run[1];
        Access.runAsSystem(() -> run[0] = escalate(List.of(path), at));
        return run[0];
    }

    public boolean canRun() {
        return Access.holdsAny(Role.OFFICE);
    }

    /** An office's run now over the subtrees where it holds the office role (otherwise 403). */
    public Run escalateNow() {
        List<String> paths = Access.outermostPathsWith(Role.OFFICE);
        if (paths.isEmpty()) throw new ForbiddenException("error.forbidden");
        return escalate(paths, clock);
    }

    private Run escalate(List<String> paths, Clock at) {
        LocalDate today = LocalDate.now(at);
        Instant now = Instant.now(at);
        LocalDate horizon = workingDays.addWorkingDays(today, reminderDays);
        List<Long> ids = new ArrayList<>();
        for (String path : paths) {
            ids.addAll(jdbc.queryForList(
                    "select id from case_file where status not in ('CLOSED', 'MERGED') and due <= ?"
                            + " and unit_path like ? order by id",
                    Long.class,
                    horizon,
                    path + "%"));
        }
        Map<String, Integer> byStage = new LinkedHashMap<>();
        int recorded = 0;
        for (Long id : ids.stream().distinct().toList()) {
            try {
                List<Stage> added = perCase.execute(s -> escalate(id, today, now));
                added.forEach(stage -> byStage.merge(stage.name(), 1, Integer::sum));
                recorded += added.size();
            } catch (DataIntegrityViolationException | ConcurrencyFailureException e) {
                log.info("escalation of case {} recorded concurrently elsewhere; skipped", id);
            }
        }
        log.info("case escalation run at {}: {} case(s), {} stage(s) {}", today, ids.size(), recorded, byStage);
        return new Run(ids.size(), recorded, byStage);
    }

    /** The stages one case has become due for and not reached yet. */
    private List<Stage> escalate(Long id, LocalDate today, Instant now) {
        record Row(LocalDate due, String status, Long unitId, String path) {}
        List<Row> rows = jdbc.query(
                "select due, status, org_unit_id, unit_path from case_file where id = ? for update",
                (rs, i) -> new Row(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getLong(3), rs.getString(4)),
                id);
        if (rows.isEmpty()) return List.of();
        LocalDate due = rows.get(0).due();
        String status = rows.get(0).status();
        if (status.equals("CLOSED") || status.equals("MERGED")) return List.of();
        Long unitId = rows.get(0).unitId();
        String path = rows.get(0).path();
        List<String> reached =
                jdbc.queryForList("select stage from case_escalation where case_id = ?", String.class, id);
        List<Stage> added = new ArrayList<>();
        for (Stage stage : Stage.values()) {
            if (reached.contains(stage.name()) || !due(stage, due, today)) continue;
            String number = null;
            String issuer = null;
            if (stage == Stage.URGE) {
                OrgUnitRef office = office(unitId);
                number = offices.nextNumber(office.code(), office.name(), today.getYear());
                issuer = offices.signature(office.code(), office.name());
            }
            jdbc.update(
                    "insert into case_escalation (case_id, stage, at, number, issuer) values (?, ?, ?, ?, ?)",
                    id,
                    stage.name(),
                    now.atOffset(ZoneOffset.UTC),
                    number,
                    issuer);
            if (stage == Stage.CRITICISM) {
                changes.bump("cases"); // a 通报批评 costs points in the cached 目标考核 on every node
            }
            jdbc.update(
                    "insert into case_event (case_id, action, from_status, to_status, note, actor, at)"
                            + " values (?, ?, ?, ?, ?, 'system', ?)",
                    id,
                    stage.name().toLowerCase(java.util.Locale.ROOT),
                    status,
                    status,
                    number,
                    now.atOffset(ZoneOffset.UTC));
            Map<String, Object> value = new LinkedHashMap<>();
            value.put("case", id);
            value.put("stage", stage.name());
            value.put("due", due.toString());
            if (number != null) value.put("number", number);
            audit.created("CaseEscalation", id + "-" + stage.name(), "#" + id, path, value);
            added.add(stage);
        }
        return added;
    }

    /** Whether {@code stage} is due today for a case due on {@code due}. */
    boolean due(Stage stage, LocalDate due, LocalDate today) {
        return switch (stage) {
            case REMINDER -> !today.isAfter(due) && workingDays.workingDaysBetween(today, due) <= reminderDays;
            case URGE -> !today.isBefore(workingDays.addWorkingDays(due, 1));
            case CRITICISM -> !today.isBefore(workingDays.addWorkingDays(due, 6));
        };
    }

    /** The office that signs: the county (or district) above the unit, else the nearest township or city. */
    private OrgUnitRef office(Long unitId) {
        OrgUnitRef unit = orgUnits.readable(unitId);
        List<OrgUnitRef> line = Stream.concat(orgUnits.ancestors(unit.code()).stream(), Stream.of(unit))
                .toList();
        return line.stream()
                .filter(u -> u.kind().level() == OrgKind.Level.COUNTY)
                .reduce((a, b) -> b)
                .orElse(line.get(Math.max(0, line.size() - 2)));
    }
}
