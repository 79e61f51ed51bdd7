package org.dudao.rectification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.dudao.audit.AuditLog;
import org.dudao.evaluation.EvaluationStats;
import org.dudao.evaluation.EvaluationStats.ProjectFacts;
import org.dudao.evidence.EvidenceStore;
import org.dudao.org.OrgUnitRef;
import org.dudao.org.OrgUnits;
import org.dudao.rectification.internal.Escalation;
import org.dudao.rectification.internal.EscalationRepository;
import org.dudao.rectification.internal.ItemCriteria;
import org.dudao.rectification.internal.ItemStatus;
import org.dudao.rectification.internal.Notice;
import org.dudao.rectification.internal.NoticeRepository;
import org.dudao.rectification.internal.NoticeView;
import org.dudao.rectification.internal.Rectification;
import org.dudao.rectification.internal.RectificationRepository;
import org.dudao.shared.Access;
import org.dudao.shared.ForbiddenException;
import org.dudao.shared.IdList;
import org.dudao.shared.InvalidInputException;
import org.dudao.shared.IssuingOffices;
import org.dudao.shared.NotFoundException;
import org.dudao.shared.Problems;
import org.dudao.shared.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use cases of rectification items and notices. The unit itself (its clerk or head) files plans and reports;
 * directors covering the unit review, close and issue notices. Scope through {@link Access}.
 */
@Service
public class Rectifications {

    /** A plan runs at most two years (SPEC §3: a 1–2 year rectification plan). */
    static final int MAX_PLAN_YEARS = 2;

    /** Who opens items from inspection findings: the office and the unit's responsible inspectors. */
    private static final java.util.Set<Role> OPENERS = java.util.EnumSet.of(Role.ADMIN, Role.DIRECTOR, Role.INSPECTOR);

    private final RectificationRepository items;
    private final NoticeRepository notices;
    private final EscalationRepository escalations;
    private final OrgUnits orgUnits;
    private final EvidenceStore evidenceStore;
    private final EvaluationStats projects;
    private final IssuingOffices offices;
    private final AuditLog audit;
    private final Clock clock;

    Rectifications(
            RectificationRepository items,
            NoticeRepository notices,
            EscalationRepository escalations,
            OrgUnits orgUnits,
            EvidenceStore evidenceStore,
            EvaluationStats projects,
            IssuingOffices offices,
            AuditLog audit,
            Clock clock) {
        this.items = items;
        this.projects = projects;
        this.offices = offices;
        this.notices = notices;
        this.escalations = escalations;
        this.orgUnits = orgUnits;
        this.evidenceStore = evidenceStore;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- reads --------------------------------------------------------------------------------------------

    /** Items in the user's scope, optionally under one unit and of one status. */
    @Transactional(readOnly = true)
    public List<ItemView> list(String unitCode, String status) {
        return list(unitCode, status, null);
    }

    /** Items in the user's scope, optionally under one unit, of one status and at one escalation level. */
    @Transactional(readOnly = true)
    public List<ItemView> list(String unitCode, String status, String escalation) {
        return list(new ItemFilter(unitCode, status, escalation, null, null, null, null));
    }

    /** Items in the user's scope that pass the filter, in the order they were drafted; problems name the field. */
    @Transactional(readOnly = true)
    public List<ItemView> list(ItemFilter filter) {
        Problems problems = new Problems();
        ItemCriteria criteria = ItemCriteria.of(filter, problems);
        problems.throwIfAny();
        List<String> prefixes = blank(filter.unit())
                ? Access.pathsWith(Role.STAFF)
                : List.of(orgUnits.readable(filter.unit().trim()).path());
        String township = blank(filter.township())
                ? null
                : orgUnits.readable(filter.township().trim()).path();
        LocalDate today = LocalDate.now(clock);
        Map<Long, Rectification> found = new TreeMap<>(); // by id; grants may overlap
        for (String prefix : prefixes) {
            items.findUnder(prefix == null ? "/" : prefix).forEach(r -> found.putIfAbsent(r.getId(), r));
        }
        return views(found.values().stream()
                        .filter(r -> township == null || r.getUnitPath().startsWith(township))
                        .filter(r -> criteria.matches(r, today))
                        .toList())
                .stream()
                .filter(criteria::matches)
                .toList();
    }

    /** The units the items of {@code items} sit under (code → name), for the township filter. */
    public static Map<String, String> townships(List<ItemView> items) {
        Map<String, String> result = new TreeMap<>();
        items.stream().filter(i -> i.townshipCode() != null).forEach(i -> result.put(i.townshipCode(), i.township()));
        return result;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    @Transactional(readOnly = true)
    public ItemView get(Long id) {
        return views(List.of(readable(id))).get(0);
    }

    // ---- item moves ---------------------------------------------------------------------------------------

    @Transactional
    public ItemView plan(Long id, String plan, String deadline) {
        Rectification r = readable(id);
        requireUnit(r);
        Problems problems = new Problems();
        if (problems.required("plan", plan)) problems.maxLength("plan", plan.trim(), 4000);
        LocalDate until = date(problems, "deadline", deadline);
        LocalDate today = LocalDate.now(clock);
        if (until != null && (!until.isAfter(today) || until.isAfter(today.plusYears(MAX_PLAN_YEARS)))) {
            problems.add("deadline", "rectification.error.deadline-range", MAX_PLAN_YEARS);
        }
        problems.throwIfAny();
        ItemView before = get(r);
        r.plan(plan.trim(), until, Instant.now(clock));
        return saved(r, before);
    }

    @Transactional
    public ItemView report(Long id, String progress, List<Long> evidence) {
        Rectification r = readable(id);
        requireUnit(r);
        Problems problems = new Problems();
        if (problems.required("progress", progress)) problems.maxLength("progress", progress.trim(), 4000);
        if (evidence != null && evidence.size() > 20) problems.add("evidence", "error.range", 0, 20);
        else evidenceStore.checkOwnedBy(r.getOrgUnitId(), evidence, "evidence", problems);
        problems.throwIfAny();
        ItemView before = get(r);
        r.report(progress.trim(), IdList.text(evidence), Instant.now(clock));
        return saved(r, before);
    }

    /** 销号 after review. */
    @Transactional
    public ItemView close(Long id, String note) {
        Rectification r = readable(id);
        Access.requireRole(r.getUnitPath(), Role.OFFICE, "rectification " + id);
        return close(r, note);
    }

    /**
     * 销号 of an item opened from an inspection finding, by an inspector of the unit: the inspection feature has
     * checked that the user found it or is the school's responsible inspector.
     */
    @Transactional
    public ItemView closeAsInspector(Long id, String note) {
        return close(inspectorReviewed(id), note);
    }

    /** Sends an item opened from an inspection finding back to the unit (退回), by an inspector of the unit. */
    @Transactional
    public ItemView rejectAsInspector(Long id, String note) {
        return reject(inspectorReviewed(id), note);
    }

    private Rectification inspectorReviewed(Long id) {
        Rectification r = readable(id);
        Access.requireRole(r.getUnitPath(), java.util.EnumSet.of(Role.INSPECTOR), "rectification " + id);
        if (!Rectification.INSPECTION.equals(r.getSource())) throw new ForbiddenException("error.forbidden");
        return r;
    }

    private ItemView close(Rectification r, String note) {
        Problems problems = new Problems();
        problems.text("reason", note, 2000);
        problems.throwIfAny();
        ItemView before = get(r);
        r.close(note == null || note.isBlank() ? null : note.trim(), Instant.now(clock));
        return saved(r, before);
    }

    @Transactional
    public ItemView reject(Long id, String note) {
        Rectification r = readable(id);
        Access.requireRole(r.getUnitPath(), Role.OFFICE, "rectification " + id);
        return reject(r, note);
    }

    private ItemView reject(Rectification r, String note) {
        if (note == null || note.isBlank()) {
            throw InvalidInputException.of("reason", "error.required");
        }
        Problems problems = new Problems();
        problems.text("reason", note, 2000);
        problems.throwIfAny();
        ItemView before = get(r);
        r.reject(note.trim(), Instant.now(clock));
        return saved(r, before);
    }

    // ---- items other features open -----------------------------------------------------------------------

    /**
     * Opens an item for a unit from an inspection finding (source {@code INSPECTION}, {@code sourceRef} the visit):
     * 待制定方案, due by {@code deadline}; the unit plans and reports, the office closes it and the escalation
     * ladder applies once the deadline passes. The unit's office and its inspectors open items.
     */
    @Transactional
    public ItemView openFromInspection(
            String unitCode, String sourceRef, String code, String problem, String requirement, LocalDate deadline) {
        OrgUnitRef unit = orgUnits.readable(unitCode);
        Access.requireRole(unit.path(), OPENERS, "org unit " + unitCode);
        Problems problems = new Problems();
        if (problems.required("problem", problem)) problems.text("problem", problem, 2000);
        problems.text("requirement", requirement, 2000);
        LocalDate today = LocalDate.now(clock);
        if (deadline == null) problems.add("deadline", "error.required");
        else if (!deadline.isAfter(today) || deadline.isAfter(today.plusYears(MAX_PLAN_YEARS))) {
            problems.add("deadline", "rectification.error.deadline-range", MAX_PLAN_YEARS);
        }
        problems.throwIfAny();
        Rectification r = items.saveAndFlush(Rectification.opened(
                Rectification.INSPECTION,
                sourceRef,
                unit.id(),
                unit.path(),
                code,
                problem.trim(),
                requirement == null || requirement.isBlank() ? null : requirement.trim(),
                deadline,
                Instant.now(clock)));
        ItemView view = get(r);
        audit.created("Rectification", r.getId(), r.getProblem(), unit.path(), view);
        return view;
    }

    // ---- notices ------------------------------------------------------------------------------------------

    /** Issues the 限期整改通知书 that covers this item: for the open items of its unit from its project. */
    @Transactional
    public NoticeView issueNotice(Long itemId) {
        Rectification r = readable(itemId);
        OrgUnitRef unit = orgUnits.readable(r.getOrgUnitId());
        return issueNotice(unit.code(), r.getSourceRef(), null);
    }

    /** Issues a numbered 限期整改通知书 for the unit's open items from one source (e.g. an evaluation project). */
    @Transactional
    public NoticeView issueNotice(String unitCode, String sourceRef, String replyBy) {
        Problems problems = new Problems();
        problems.required("orgUnit", unitCode);
        problems.required("project", sourceRef);
        problems.throwIfAny();
        OrgUnitRef unit = orgUnits.readable(unitCode.trim());
        Access.requireRole(unit.path(), Role.OFFICE, "org unit " + unitCode);
        LocalDate today = LocalDate.now(clock);
        LocalDate reply =
                replyBy == null || replyBy.isBlank() ? today.plusDays(30) : date(problems, "replyBy", replyBy);
        if (reply != null && !reply.isAfter(today)) problems.add("replyBy", "rectification.error.reply-by");
        List<Rectification> open = items
                .findBySourceAndSourceRefAndOrgUnitIdOrderByIdAsc(Rectification.EVALUATION, sourceRef.trim(), unit.id())
                .stream()
                .filter(r -> r.getStatus() != ItemStatus.CLOSED)
                .toList();
        if (open.isEmpty()) problems.add("project", "rectification.error.nothing-open");
        problems.throwIfAny();
        // the office that runs the project issues the notice, under its own 文号 and 落款
        ProjectFacts project =
                projects.project(sourceRef).orElseThrow(() -> new NotFoundException("project " + sourceRef.trim()));
        OrgUnitRef office = Stream.concat(orgUnits.ancestors(unit.code()).stream(), Stream.of(unit))
                .filter(u -> u.path().equals(project.ownerPath()))
                .findFirst()
                .orElse(unit);
        Notice n = notices.saveAndFlush(new Notice(
                offices.nextNumber(office.code(), office.name(), today.getYear()),
                unit.id(),
                unit.path(),
                project.code(),
                project.name(),
                reply,
                Access.currentUsername(),
                Instant.now(clock),
                offices.signature(office.code(), office.name())));
        open.forEach(r -> r.noticed(n.getId()));
        items.flush();
        NoticeView view = view(n);
        audit.created("RectificationNotice", n.getNumber(), unit.name(), unit.path(), view);
        return view;
    }

    @Transactional(readOnly = true)
    public NoticeView notice(Long id) {
        Notice n = id == null ? null : notices.findById(id).orElse(null);
        if (n == null) throw new NotFoundException("notice " + id);
        Access.requireRead(n.getUnitPath(), "notice " + id);
        return view(n);
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private Rectification readable(Long id) {
        Rectification r = id == null ? null : items.findById(id).orElse(null);
        if (r == null) throw new NotFoundException("rectification " + id);
        Access.requireRead(r.getUnitPath(), "rectification " + id);
        return r;
    }

    /** What the current user may do with an item: the unit's own work (方案, 报告) or the review (销号, 退回). */
    public record Actions(boolean work, boolean review) {}

    /** The actions on each of {@code items} (readable ones, as listed), so screens offer only what will pass. */
    @Transactional(readOnly = true)
    public Map<Long, Actions> actions(List<ItemView> views) {
        Map<Long, Actions> result = new HashMap<>();
        items.findAllById(views.stream().map(ItemView::id).toList())
                .forEach(r -> result.put(
                        r.getId(), new Actions(worksOn(r.getUnitPath()), Access.can(Role.OFFICE, r.getUnitPath()))));
        return result;
    }

    /**
     * Whether the user may issue the notice covering this item: an open item of an evaluation project that still
     * exists, without a notice yet, reviewed by the user's office (one notice covers all open items of the unit).
     */
    @Transactional(readOnly = true)
    public boolean canIssueNotice(ItemView i) {
        return i.notice() == null
                && RectificationSource.EVALUATION.name().equals(i.source())
                && !ItemStatus.CLOSED.name().equals(i.status())
                && Access.can(
                        Role.OFFICE,
                        items.findById(i.id()).map(Rectification::getUnitPath).orElse("-"))
                && projects.project(i.sourceRef()).isPresent();
    }

    private static void requireUnit(Rectification r) {
        if (!worksOn(r.getUnitPath())) throw new ForbiddenException("error.forbidden");
    }

    /** The unit itself acts: its clerk or head (grant at the unit), or an administrator. */
    private static boolean worksOn(String unitPath) {
        return Access.grants().stream()
                .anyMatch(g -> (g.role() == Role.ADMIN && g.covers(unitPath))
                        || ((g.role() == Role.CLERK || g.role() == Role.HEAD) && unitPath.equals(g.path())));
    }

    private ItemView saved(Rectification r, ItemView before) {
        items.flush();
        ItemView after = get(r);
        audit.updated("Rectification", r.getId(), r.getProblem(), r.getUnitPath(), before, after);
        return after;
    }

    private ItemView get(Rectification r) {
        return views(List.of(r)).get(0);
    }

    private NoticeView view(Notice n) {
        OrgUnitRef u = orgUnits.refs(List.of(n.getOrgUnitId())).get(n.getOrgUnitId());
        List<Rectification> list = items
                .findBySourceAndSourceRefAndOrgUnitIdOrderByIdAsc(
                        Rectification.EVALUATION, n.getSourceRef(), n.getOrgUnitId())
                .stream()
                .filter(r -> n.getId().equals(r.getNoticeId()))
                .toList();
        return new NoticeView(
                n.getId(),
                n.getNumber(),
                u.code(),
                u.name(),
                n.getSourceRef(),
                n.getTitle(),
                n.getIssuer(),
                n.getReplyBy(),
                n.getIssuedBy(),
                n.getIssuedAt(),
                views(list));
    }

    private List<ItemView> views(List<Rectification> list) {
        Map<Long, OrgUnitRef> refs = orgUnits.refs(
                list.stream().map(Rectification::getOrgUnitId).distinct().toList());
        Map<Long, OrgUnitRef> parents = orgUnits.refs(refs.values().stream()
                .map(OrgUnitRef::parentId)
                .filter(java.util.Objects::nonNull)
                .distinct()
                .toList());
        Map<Long, List<Escalation>> ladder =
                escalationsOf(list.stream().map(Rectification::getId).toList());
        LocalDate today = LocalDate.now(clock);
        Instant now = Instant.now(clock);
        return list.stream()
                .map(r -> {
                    OrgUnitRef u = refs.get(r.getOrgUnitId());
                    OrgUnitRef parent = u.parentId() == null ? null : parents.get(u.parentId());
                    List<Long> evidence = IdList.of(r.getEvidenceIds());
                    long age = Duration.between(r.getCreatedAt(), r.getClosedAt() == null ? now : r.getClosedAt())
                            .toDays();
                    List<EscalationView> reached = ladder.getOrDefault(r.getId(), List.of()).stream()
                            .sorted(java.util.Comparator.comparing(Escalation::getLevel))
                            .map(e -> new EscalationView(e.getLevel().name(), e.getDaysOverdue(), e.getAt()))
                            .toList();
                    return new ItemView(
                            r.getId(),
                            u.code(),
                            u.name(),
                            r.getSource(),
                            r.getSourceRef(),
                            r.getCode(),
                            r.getProblem(),
                            r.getRequirement(),
                            r.getPointsLost(),
                            r.getStatus().name(),
                            r.overdue(today),
                            r.getDeadline(),
                            r.getPlan(),
                            r.getProgress(),
                            evidence,
                            r.getReviewNote(),
                            r.getNoticeId(),
                            age,
                            reached.isEmpty()
                                    ? null
                                    : reached.get(reached.size() - 1).level(),
                            reached,
                            parent == null ? null : parent.code(),
                            parent == null ? null : parent.name(),
                            r.getCreatedAt(),
                            r.getClosedAt());
                })
                .toList();
    }

    /** The levels each item reached, mildest first (a thousand items per query). */
    private Map<Long, List<Escalation>> escalationsOf(List<Long> ids) {
        Map<Long, List<Escalation>> byItem = new HashMap<>();
        for (int from = 0; from < ids.size(); from += 1000) {
            escalations
                    .findByItemIdInOrderByIdAsc(ids.subList(from, Math.min(ids.size(), from + 1000)))
                    .forEach(e -> byItem.computeIfAbsent(e.getItemId(), k -> new ArrayList<>())
                            .add(e));
        }
        return byItem;
    }

    private static LocalDate date(Problems problems, String field, String text) {
        if (!problems.required(field, text)) return null;
        try {
            LocalDate date = LocalDate.parse(text.trim());
            return problems.saneDate(field, date) ? date : null;
        } catch (DateTimeParseException e) {
            problems.add(field, "rectification.error.date-format");
            return null;
        }
    }
}
