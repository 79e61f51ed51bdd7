package org.dudao.evaluation.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.dudao.audit.AuditLog;
import org.dudao.org.OrgKind;
import org.dudao.org.OrgUnitRef;
import org.dudao.org.OrgUnits;
import org.dudao.shared.Access;
import org.dudao.shared.NotFoundException;
import org.dudao.shared.Problems;
import org.dudao.shared.Role;
import org.dudao.user.RoleHolder;
import org.dudao.user.Users;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 专家库: experts kept by county and city offices. Only the office (directors, administrators) at or above the
 * keeping office sees and edits them (phone numbers are personal); an expert linked to a user sees their own record.
 */
@Service
public class ExpertPool {

    private final ExpertRepository experts;
    private final ExpertTrainingRepository trainings;
    private final OrgUnits orgUnits;
    private final Users users;
    private final AuditLog audit;
    private final Clock clock;

    ExpertPool(
            ExpertRepository experts,
            ExpertTrainingRepository trainings,
            OrgUnits orgUnits,
            Users users,
            AuditLog audit,
            Clock clock) {
        this.experts = experts;
        this.trainings = trainings;
        this.orgUnits = orgUnits;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    /** The experts kept by the offices the user manages, optionally of one field (专业领域). */
    @Transactional(readOnly = true)
    public List<ExpertView> list(String field) {
        Map<Long, Expert> found = new TreeMap<>();
        for (String prefix : Access.pathsWith(Role.OFFICE)) {
            experts.findUnder(prefix == null ? "/" : prefix).forEach(e -> found.putIfAbsent(e.getId(), e));
        }
        String wanted = field == null || field.isBlank() ? null : field.trim();
        return views(found.values().stream()
                .filter(e -> wanted == null || e.getField().equals(wanted))
                .toList());
    }

    @Transactional(readOnly = true)
    public ExpertView get(Long id) {
        return views(List.of(readable(id))).get(0);
    }

    /** Whether the user may keep experts somewhere (the screens' button). */
    public boolean canManage() {
        return Access.holdsAny(Role.OFFICE);
    }

    @Transactional
    public ExpertView create(ExpertRequest request) {
        Problems problems = new Problems();
        if (request == null || !problems.required("office", request.office())) {
            problems.throwIfAny();
        }
        OrgUnitRef office = orgUnits.readable(request.office().trim());
        Access.requireRole(office.path(), Role.OFFICE, "org unit " + office.code());
        OrgKind.Level level = office.kind().level();
        if (level != OrgKind.Level.COUNTY && level != OrgKind.Level.CITY && level != OrgKind.Level.PROVINCE) {
            problems.add("office", "experts.error.office-kind");
        }
        Expert expert = new Expert(office.id(), office.path(), Instant.now(clock));
        describe(expert, request, problems);
        experts.saveAndFlush(expert);
        ExpertView view = get(expert.getId());
        audit.created("Expert", expert.getId(), expert.getName(), office.path(), view);
        return view;
    }

    @Transactional
    public ExpertView update(Long id, ExpertRequest request) {
        Expert expert = managed(id);
        Problems problems = new Problems();
        if (request == null) {
            problems.required("name", null);
            problems.throwIfAny();
        }
        if (request.version() != null && request.version() != expert.getRowVersion()) {
            throw new ObjectOptimisticLockingFailureException(Expert.class, id);
        }
        ExpertView before = get(id);
        describe(expert, request, problems);
        experts.saveAndFlush(expert);
        ExpertView after = get(id);
        audit.updated("Expert", id, expert.getName(), expert.getOfficePath(), before, after);
        return after;
    }

    /** Records a training the expert attended. */
    @Transactional
    public ExpertView addTraining(Long id, TrainingRequest request) {
        Expert expert = managed(id);
        Problems problems = new Problems();
        TrainingRequest r = request == null ? new TrainingRequest(null, null, null) : request;
        LocalDate date = null;
        if (problems.required("date", r.date())) {
            try {
                date = LocalDate.parse(r.date().trim());
                if (!problems.saneDate("date", date)) date = null;
            } catch (DateTimeParseException e) {
                problems.add("date", "error.type-mismatch");
            }
        }
        if (problems.required("course", r.course())) problems.name("course", r.course(), 200);
        if (r.hours() == null) {
            problems.add("hours", "error.required");
        } else if (r.hours().compareTo(new BigDecimal("0.5")) < 0
                || r.hours().compareTo(new BigDecimal("200")) > 0
                || r.hours().stripTrailingZeros().scale() > 1) {
            problems.add("hours", "experts.error.hours");
        }
        problems.throwIfAny();
        ExpertTraining t = trainings.saveAndFlush(new ExpertTraining(
                expert.getId(), date, r.course().trim(), r.hours(), Access.currentUsername(), Instant.now(clock)));
        audit.created("ExpertTraining", t.getId(), expert.getName() + " " + t.getCourse(), expert.getOfficePath(), r);
        return get(id);
    }

    private void describe(Expert expert, ExpertRequest r, Problems problems) {
        if (problems.required("name", r.name())) problems.name("name", r.name(), 64);
        if (problems.required("field", r.field())) problems.name("field", r.field(), 64);
        problems.name("title", r.title(), 64);
        problems.name("phone", r.phone(), 32);
        OrgUnitRef home = null;
        if (problems.required("homeUnit", r.homeUnit())) {
            home = orgUnits.readableByCode(List.of(r.homeUnit().trim()))
                    .get(r.homeUnit().trim());
            if (home == null)
                problems.add(
                        "homeUnit",
                        "collection.error.unit-unknown",
                        r.homeUnit().trim());
        }
        String username = blankToNull(r.username());
        if (username != null
                && users.holders(Role.EXPERT, expert.getOfficePath()).stream()
                        .map(RoleHolder::username)
                        .noneMatch(username::equals)) {
            problems.add("username", "experts.error.username");
        }
        problems.throwIfAny();
        expert.describe(
                r.name().trim(),
                r.field().trim(),
                blankToNull(r.title()),
                home.id(),
                home.path(),
                blankToNull(r.phone()),
                username,
                !Boolean.FALSE.equals(r.active()),
                Instant.now(clock));
    }

    /** An expert the user may see: kept by an office they manage, or their own record; otherwise 404. */
    Expert readable(Long id) {
        Expert e = id == null ? null : experts.findById(id).orElse(null);
        if (e == null
                || !(Access.can(Role.OFFICE, e.getOfficePath())
                        || Access.currentUsername().equals(e.getUsername()))) {
            throw new NotFoundException("expert " + id);
        }
        return e;
    }

    private Expert managed(Long id) {
        Expert e = readable(id);
        Access.requireRole(e.getOfficePath(), Role.OFFICE, "expert " + id);
        return e;
    }

    List<ExpertView> views(List<Expert> list) {
        List<Long> ids = new ArrayList<>();
        list.forEach(e -> {
            ids.add(e.getOfficeId());
            ids.add(e.getHomeUnitId());
        });
        Map<Long, OrgUnitRef> refs = orgUnits.refs(ids.stream().distinct().toList());
        return list.stream()
                .map(e -> {
                    List<ExpertView.Training> done = trainings.findByExpertIdOrderByHeldOnAscIdAsc(e.getId()).stream()
                            .map(t -> new ExpertView.Training(
                                    t.getId(), t.getHeldOn().toString(), t.getCourse(), t.getHours()))
                            .toList();
                    BigDecimal hours =
                            done.stream().map(ExpertView.Training::hours).reduce(BigDecimal.ZERO, BigDecimal::add);
                    OrgUnitRef office = refs.get(e.getOfficeId());
                    OrgUnitRef home = refs.get(e.getHomeUnitId());
                    return new ExpertView(
                            e.getId(),
                            office.code(),
                            office.name(),
                            e.getName(),
                            e.getField(),
                            e.getTitle(),
                            home.code(),
                            home.name(),
                            e.getPhone(),
                            e.getUsername(),
                            e.isActive(),
                            done,
                            hours,
                            e.getRowVersion());
                })
                .toList();
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
