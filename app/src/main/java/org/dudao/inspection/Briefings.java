package org.dudao.inspection;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.dudao.audit.AuditLog;
import org.dudao.inspection.internal.Briefing;
import org.dudao.inspection.internal.BriefingNumbers;
import org.dudao.inspection.internal.BriefingRepository;
import org.dudao.inspection.internal.Visit;
import org.dudao.inspection.internal.VisitFinding;
import org.dudao.inspection.internal.VisitFindingRepository;
import org.dudao.inspection.internal.VisitRepository;
import org.dudao.inspection.internal.VisitStatus;
import org.dudao.org.OrgKind;
import org.dudao.org.OrgUnitRef;
import org.dudao.org.OrgUnits;
import org.dudao.shared.Access;
import org.dudao.shared.ConflictException;
import org.dudao.shared.NotFoundException;
import org.dudao.shared.Problems;
import org.dudao.shared.Role;
import org.dudao.shared.WordDocument;
import org.dudao.shared.pdf.PdfRenderer;
import org.springframework.context.MessageSource;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 督导简报: the office composes one from the visits and findings of a period, edits its text, and issues it under
 * the next number of the office and year (gapless); issued, it is read-only and downloads as PDF and Word.
 */
@Service
public class Briefings {

    private final BriefingRepository briefings;
    private final BriefingNumbers numbers;
    private final VisitRepository visits;
    private final VisitFindingRepository findings;
    private final OrgUnits orgUnits;
    private final PdfRenderer pdf;
    private final MessageSource messages;
    private final AuditLog audit;
    private final Clock clock;

    Briefings(
            BriefingRepository briefings,
            BriefingNumbers numbers,
            VisitRepository visits,
            VisitFindingRepository findings,
            OrgUnits orgUnits,
            PdfRenderer pdf,
            MessageSource messages,
            AuditLog audit,
            Clock clock) {
        this.briefings = briefings;
        this.numbers = numbers;
        this.visits = visits;
        this.findings = findings;
        this.orgUnits = orgUnits;
        this.pdf = pdf;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<BriefingView> list() {
        Map<Long, Briefing> found = new TreeMap<>();
        for (String prefix : Access.pathsWith(Role.STAFF)) {
            briefings.findUnder(prefix == null ? "/" : prefix).forEach(b -> found.put(b.getId(), b));
        }
        List<Briefing> list = new ArrayList<>(found.values());
        list.sort((a, b) -> b.getId().compareTo(a.getId()));
        return list.stream().map(this::view).toList();
    }

    @Transactional(readOnly = true)
    public BriefingView get(Long id) {
        return view(readable(id));
    }

    public boolean canManage(BriefingView b) {
        return briefings
                .findById(b.id())
                .map(x -> Access.can(Role.OFFICE, x.getOfficePath()))
                .orElse(false);
    }

    /** Composes a draft from the period's visits and findings under the office. */
    @Transactional
    public BriefingView create(BriefingRequest r, Locale locale) {
        Problems problems = new Problems();
        if (r == null || !problems.required("office", r.office())) problems.throwIfAny();
        OrgUnitRef office = orgUnits.readable(r.office().trim());
        Access.requireRole(office.path(), Role.OFFICE, "org unit " + office.code());
        OrgKind.Level level = office.kind().level();
        if (level != OrgKind.Level.COUNTY && level != OrgKind.Level.CITY) {
            problems.add("office", "inspection.error.office-kind");
        }
        if (problems.required("title", r.title())) problems.name("title", r.title(), 200);
        LocalDate from = Inspectors.date(problems, "from", r.from());
        LocalDate until = Inspectors.date(problems, "until", r.until());
        if (from == null && (r.from() == null || r.from().isBlank())) problems.add("from", "error.required");
        if (until == null && (r.until() == null || r.until().isBlank())) problems.add("until", "error.required");
        if (from != null && until != null && until.isBefore(from)) problems.add("until", "inspection.error.period");
        problems.throwIfAny();
        Briefing b = briefings.saveAndFlush(new Briefing(
                office.id(),
                office.path(),
                r.title().trim(),
                from,
                until,
                compose(office, from, until, locale),
                Access.currentUsername(),
                Instant.now(clock)));
        BriefingView view = view(b);
        audit.created("Briefing", b.getId(), b.getTitle(), office.path(), view);
        return view;
    }

    @Transactional
    public BriefingView update(Long id, BriefingRequest r) {
        Briefing b = readable(id);
        Access.requireRole(b.getOfficePath(), Role.OFFICE, "briefing " + id);
        Problems problems = new Problems();
        if (r == null) problems.required("body", null);
        problems.throwIfAny();
        if (r.version() != null && r.version() != b.getRowVersion()) {
            throw new ObjectOptimisticLockingFailureException(Briefing.class, id);
        }
        if (problems.required("title", r.title())) problems.name("title", r.title(), 200);
        if (problems.required("body", r.body())) problems.text("body", r.body(), 19000);
        problems.text("distribution", r.distribution(), 1000);
        problems.throwIfAny();
        BriefingView before = view(b);
        b.edit(r.title().trim(), r.body().trim(), Inspectors.blankToNull(r.distribution()), Instant.now(clock));
        briefings.flush();
        BriefingView after = view(b);
        audit.updated("Briefing", id, b.getTitle(), b.getOfficePath(), before, after);
        return after;
    }

    /** Issues the draft under the office's next number of the year; read-only from then on. */
    @Transactional
    public BriefingView issue(Long id) {
        Briefing b = readable(id);
        Access.requireRole(b.getOfficePath(), Role.OFFICE, "briefing " + id);
        BriefingView before = view(b);
        if (!Briefing.DRAFT.equals(b.getStatus())) throw new ConflictException("inspection.error.briefing-issued");
        OrgUnitRef office = orgUnits.refs(List.of(b.getOfficeId())).get(b.getOfficeId());
        int year = LocalDate.now(clock).getYear();
        b.issue(year, numbers.next(office.code(), year), Access.currentUsername(), Instant.now(clock));
        briefings.flush();
        BriefingView after = view(b);
        audit.updated("Briefing", id, b.getTitle(), b.getOfficePath(), before, after);
        return after;
    }

    @Transactional(readOnly = true)
    public byte[] pdf(Long id, Locale locale) {
        return pdf.render("pdf/inspection-briefing", Map.of("b", get(id)), locale);
    }

    @Transactional(readOnly = true)
    public byte[] docx(Long id, Locale locale) {
        BriefingView b = get(id);
        WordDocument doc =
                new WordDocument().title(messages.getMessage("inspection.briefing.heading", null, locale), 22);
        if (b.number() != null) doc.centred(b.number());
        doc.centred(b.officeName()).title(b.title(), 16).text(b.body());
        if (b.distribution() != null) {
            doc.text(messages.getMessage("inspection.briefing.distribution", null, locale) + "：" + b.distribution());
        }
        return doc.bytes();
    }

    private String compose(OrgUnitRef office, LocalDate from, LocalDate until, Locale locale) {
        List<Visit> done = visits.findUnder(office.path(), from, until.plusDays(1)).stream()
                .filter(v -> v.getStatus() != VisitStatus.PLANNED)
                .toList();
        List<VisitFinding> all = done.isEmpty()
                ? List.of()
                : findings.findByVisitIdInOrderByIdAsc(
                        done.stream().map(Visit::getId).toList());
        Map<Long, Visit> byId = Inspectors.byId(done, Visit::getId);
        Map<Long, OrgUnitRef> schools =
                orgUnits.refs(done.stream().map(Visit::getSchoolId).distinct().toList());
        StringBuilder text = new StringBuilder(messages.getMessage(
                "inspection.briefing.summary",
                new Object[] {
                    from.toString(),
                    until.toString(),
                    done.size(),
                    schools.size(),
                    all.size(),
                    all.stream().filter(f -> f.getRectificationId() != null).count()
                },
                locale));
        for (VisitFinding f : all) {
            if (f.getRating().equals("一般") || f.getRating().equals("差")) {
                text.append('\n')
                        .append(messages.getMessage(
                                "inspection.briefing.line",
                                new Object[] {
                                    schools.get(byId.get(f.getVisitId()).getSchoolId())
                                            .name(),
                                    messages.getMessage("inspection.item." + f.getItem(), null, locale),
                                    f.getFinding(),
                                    f.getRating()
                                },
                                locale));
            }
        }
        return text.length() > 19000 ? text.substring(0, 19000) : text.toString();
    }

    private Briefing readable(Long id) {
        Briefing b = id == null ? null : briefings.findById(id).orElse(null);
        if (b == null || !Access.canRead(b.getOfficePath())) throw new NotFoundException("briefing " + id);
        return b;
    }

    private BriefingView view(Briefing b) {
        OrgUnitRef office = orgUnits.refs(List.of(b.getOfficeId())).get(b.getOfficeId());
        return new BriefingView(
                b.getId(),
                office.code(),
                office.name(),
                b.getTitle(),
                b.getPeriodFrom(),
                b.getPeriodUntil(),
                b.getBody(),
                b.getDistribution(),
                b.getStatus(),
                b.getNumber() == null
                        ? null
                        : messages.getMessage(
                                "inspection.briefing.number",
                                new Object[] {b.getBriefYear(), b.getNumber()},
                                Locale.SIMPLIFIED_CHINESE),
                b.getIssuedBy(),
                b.getIssuedAt(),
                b.getRowVersion());
    }
}
