package org.dudao.inspection;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dudao.audit.AuditLog;
import org.dudao.calendar.WorkingDays;
import org.dudao.inspection.internal.InspectionProperties;
import org.dudao.inspection.internal.Inspector;
import org.dudao.inspection.internal.InspectorRepository;
import org.dudao.inspection.internal.Summary;
import org.dudao.inspection.internal.SummaryRepository;
import org.dudao.inspection.internal.Visit;
import org.dudao.inspection.internal.VisitFinding;
import org.dudao.inspection.internal.VisitFindingRepository;
import org.dudao.inspection.internal.VisitRepository;
import org.dudao.inspection.internal.VisitStatus;
import org.dudao.org.OrgUnitRef;
import org.dudao.org.OrgUnits;
import org.dudao.shared.Access;
import org.dudao.shared.ForbiddenException;
import org.dudao.shared.Problems;
import org.dudao.shared.Role;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 一月一小结 and 半年一总结 (SPEC §7): every inspector owes a summary of each month and each half year since they
 * started (their registration or first visit, at most two years back), due by the configured working day of the
 * month after the period on the working-day calendar. The inspector writes their own, starting from a draft of
 * the period's visits and findings; the office (anyone else reading the office) sees every inspector's duties and
 * which are overdue; an inspector with no other role there sees only their own.
 */
@Service
public class Summaries {

    public static final String MONTH = Summary.MONTH;
    public static final String HALF = Summary.HALF;

    static final Set<Role> BESIDES_INSPECTOR = EnumSet.complementOf(EnumSet.of(Role.INSPECTOR, Role.PUBLIC));
    private static final Pattern HALF_PERIOD = Pattern.compile("(\\d{4})-H([12])");
    private static final int MAX_MONTHS_BACK = 24;

    private final SummaryRepository summaries;
    private final InspectorRepository inspectors;
    private final Inspectors inspectorService;
    private final VisitRepository visits;
    private final VisitFindingRepository findings;
    private final OrgUnits orgUnits;
    private final WorkingDays workingDays;
    private final InspectionProperties properties;
    private final MessageSource messages;
    private final AuditLog audit;
    private final Clock clock;

    Summaries(
            SummaryRepository summaries,
            InspectorRepository inspectors,
            Inspectors inspectorService,
            VisitRepository visits,
            VisitFindingRepository findings,
            OrgUnits orgUnits,
            WorkingDays workingDays,
            InspectionProperties properties,
            MessageSource messages,
            AuditLog audit,
            Clock clock) {
        this.summaries = summaries;
        this.inspectors = inspectors;
        this.inspectorService = inspectorService;
        this.visits = visits;
        this.findings = findings;
        this.orgUnits = orgUnits;
        this.workingDays = workingDays;
        this.properties = properties;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- reads ----------------------------------------------------------------------------------------------

    /**
     * The summary duties the user may see, newest period first: of one inspector, or of the inspectors of the
     * offices under {@code unit}, or all in scope; {@code overdueOnly} keeps the overdue ones.
     */
    @Transactional(readOnly = true)
    public List<SummaryView> list(Long inspectorId, String unit, boolean overdueOnly) {
        List<Inspector> people = visibleInspectors(inspectorId, unit);
        Map<String, Summary> stored = new TreeMap<>();
        if (!people.isEmpty()) {
            summaries
                    .findByInspectorIdIn(people.stream().map(Inspector::getId).toList())
                    .forEach(s -> stored.put(key(s.getInspectorId(), s.getKind(), s.getPeriod()), s));
        }
        List<SummaryView> out = new ArrayList<>();
        for (Inspector i : people) {
            for (String[] duty : duties(i)) {
                SummaryView v = view(i, duty[0], duty[1], stored.get(key(i.getId(), duty[0], duty[1])));
                if (!overdueOnly || v.overdue()) out.add(v);
            }
        }
        out.sort((a, b) -> a.due().equals(b.due())
                ? a.inspectorName().compareTo(b.inspectorName())
                : b.due().compareTo(a.due()));
        return out;
    }

    /** The user's own inspector records (empty for everyone but inspectors). */
    @Transactional(readOnly = true)
    public List<InspectorView> mine() {
        return inspectorService.views(inspectors.findByUsernameOrderByIdAsc(Access.currentUsername()));
    }

    /** The due day of a period: the configured working day of the month after it. */
    public LocalDate due(String kind, String period) {
        YearMonth last = lastMonth(kind, period);
        return workingDays.addWorkingDays(last.plusMonths(1).atDay(1).minusDays(1), properties.summaryDueWorkingDay());
    }

    /**
     * A draft of an inspector's summary: the period's visits (done ones), the schools, the findings and the
     * rectification items they opened, one line per visit and finding, for the inspector to edit.
     */
    @Transactional(readOnly = true)
    public String draft(Long inspectorId, String kind, String period, Locale locale) {
        Inspector i = own(inspectorId);
        Problems problems = new Problems();
        YearMonth[] range = range(problems, kind, period);
        problems.throwIfAny();
        List<Visit> done = visits.findByInspectorIdIn(List.of(i.getId())).stream()
                .filter(v -> v.getStatus() != VisitStatus.PLANNED)
                .filter(v -> !v.getPlannedOn().isBefore(range[0].atDay(1))
                        && !v.getPlannedOn().isAfter(range[1].atEndOfMonth()))
                .sorted((a, b) -> a.getPlannedOn().compareTo(b.getPlannedOn()))
                .toList();
        Map<Long, List<VisitFinding>> byVisit = new TreeMap<>();
        if (!done.isEmpty()) {
            findings.findByVisitIdInOrderByIdAsc(done.stream().map(Visit::getId).toList())
                    .forEach(f -> byVisit.computeIfAbsent(f.getVisitId(), k -> new ArrayList<>())
                            .add(f));
        }
        Map<Long, OrgUnitRef> schools =
                orgUnits.refs(done.stream().map(Visit::getSchoolId).distinct().toList());
        long all = byVisit.values().stream().mapToLong(List::size).sum();
        long rectified = byVisit.values().stream()
                .flatMap(List::stream)
                .filter(f -> f.getRectificationId() != null)
                .count();
        StringBuilder text = new StringBuilder(messages.getMessage(
                "inspection.summary.draft.head",
                new Object[] {periodLabel(kind, period, locale), done.size(), schools.size(), all, rectified},
                locale));
        for (Visit v : done) {
            text.append('\n')
                    .append(messages.getMessage(
                            "inspection.summary.draft.visit",
                            new Object[] {
                                v.getPlannedOn().toString(),
                                schools.get(v.getSchoolId()).name(),
                                v.getPurpose()
                            },
                            locale));
            for (VisitFinding f : byVisit.getOrDefault(v.getId(), List.of())) {
                text.append('\n')
                        .append(messages.getMessage(
                                f.getRectificationId() == null
                                        ? "inspection.summary.draft.finding"
                                        : "inspection.summary.draft.rectified",
                                new Object[] {
                                    messages.getMessage("inspection.item." + f.getItem(), null, locale),
                                    f.getFinding(),
                                    f.getRating()
                                },
                                locale));
            }
        }
        text.append('\n').append(messages.getMessage("inspection.summary.draft.tail", null, locale));
        return text.length() > 7900 ? text.substring(0, 7900) : text.toString();
    }

    /** How a period reads on screens: 2026年11月, 2026年上半年. */
    public String periodLabel(String kind, String period, Locale locale) {
        if (MONTH.equals(kind)) {
            YearMonth m = YearMonth.parse(period);
            return messages.getMessage(
                    "inspection.summary.period.month",
                    new Object[] {String.valueOf(m.getYear()), m.getMonthValue()},
                    locale);
        }
        Matcher h = HALF_PERIOD.matcher(period);
        h.matches();
        String key = h.group(2).equals("1") ? "inspection.summary.period.half1" : "inspection.summary.period.half2";
        return messages.getMessage(key, new Object[] {h.group(1)}, locale);
    }

    // ---- writes ---------------------------------------------------------------------------------------------

    /** The inspector submits (or rewrites) their summary of a period that has begun; the first submission counts. */
    @Transactional
    public SummaryView submit(SummaryRequest r) {
        Problems problems = new Problems();
        if (r == null) problems.required("kind", null);
        problems.throwIfAny();
        YearMonth[] range = range(problems, r.kind(), r.period());
        if (range != null && range[0].isAfter(YearMonth.now(clock))) {
            problems.add("period", "inspection.error.summary-future");
        }
        if (problems.required("body", r.body())) problems.text("body", r.body(), 8000);
        problems.throwIfAny();
        Inspector i = own(r.inspector());
        String kind = r.kind().trim();
        String period = r.period().trim();
        Instant now = Instant.now(clock);
        Optional<Summary> existing = summaries.findByInspectorIdAndKindAndPeriod(i.getId(), kind, period);
        SummaryView before = existing.map(s -> view(i, kind, period, s)).orElse(null);
        Summary s = existing.orElseGet(() -> new Summary(
                i.getId(), i.getOfficePath(), kind, period, r.body().trim(), Access.currentUsername(), now));
        s.rewrite(r.body().trim(), now);
        s = summaries.saveAndFlush(s);
        SummaryView after = view(i, kind, period, s);
        if (before == null) audit.created("InspectionSummary", s.getId(), i.getName(), i.getOfficePath(), after);
        else audit.updated("InspectionSummary", s.getId(), i.getName(), i.getOfficePath(), before, after);
        return after;
    }

    // ---- rules ----------------------------------------------------------------------------------------------

    /** The state of one duty of an inspector the caller has already checked, null when it is not owed. */
    String state(Inspector i, String kind, String period) {
        if (duties(i).stream().noneMatch(d -> d[0].equals(kind) && d[1].equals(period))) return null;
        return view(
                        i,
                        kind,
                        period,
                        summaries
                                .findByInspectorIdAndKindAndPeriod(i.getId(), kind, period)
                                .orElse(null))
                .state();
    }

    /** Inspectors whose duties the user sees: the office's (non-inspector readers), or the user's own. */
    List<Inspector> visibleInspectors(Long inspectorId, String unit) {
        Map<Long, Inspector> found = new TreeMap<>();
        if (inspectorId != null) {
            Inspector i = inspectorService.readable(inspectorId);
            if (!seesAll(i) && !Access.currentUsername().equals(i.getUsername())) {
                throw new ForbiddenException("error.forbidden");
            }
            found.put(i.getId(), i);
        } else if (unit != null && !unit.isBlank()) {
            OrgUnitRef u = orgUnits.readable(unit.trim());
            inspectors.findUnder(u.path()).forEach(i -> found.put(i.getId(), i));
        } else {
            for (String prefix : Access.pathsWith(Role.STAFF)) {
                inspectors.findUnder(prefix == null ? "/" : prefix).forEach(i -> found.putIfAbsent(i.getId(), i));
            }
            inspectors.findByUsernameOrderByIdAsc(Access.currentUsername()).forEach(i -> found.put(i.getId(), i));
        }
        return found.values().stream()
                .filter(i -> seesAll(i) || Access.currentUsername().equals(i.getUsername()))
                .toList();
    }

    private static boolean seesAll(Inspector i) {
        return Access.can(BESIDES_INSPECTOR, i.getOfficePath());
    }

    /** The inspector record the user writes as: the given one if it is theirs, else their first. */
    private Inspector own(Long inspectorId) {
        if (inspectorId != null) {
            Inspector i = inspectorService.readable(inspectorId);
            if (!Access.currentUsername().equals(i.getUsername())) throw new ForbiddenException("error.forbidden");
            return i;
        }
        return inspectors.findByUsernameOrderByIdAsc(Access.currentUsername()).stream()
                .findFirst()
                .orElseThrow(() -> new ForbiddenException("error.forbidden"));
    }

    /** Every period the inspector owes a summary for, up to the current one. */
    private List<String[]> duties(Inspector i) {
        YearMonth now = YearMonth.now(clock);
        YearMonth start =
                i.getCreatedAt() == null ? now : YearMonth.from(i.getCreatedAt().atZone(clock.getZone()));
        LocalDate first = visits.firstPlannedOn(i.getId());
        if (first != null && YearMonth.from(first).isBefore(start)) start = YearMonth.from(first);
        if (start.isBefore(now.minusMonths(MAX_MONTHS_BACK))) start = now.minusMonths(MAX_MONTHS_BACK);
        List<String[]> out = new ArrayList<>();
        for (YearMonth m = start; !m.isAfter(now); m = m.plusMonths(1)) {
            out.add(new String[] {MONTH, m.toString()});
            if (m.getMonthValue() == 6 || m.getMonthValue() == 12 || m.equals(now)) {
                String half = m.getYear() + "-H" + (m.getMonthValue() <= 6 ? 1 : 2);
                out.add(new String[] {HALF, half});
            }
        }
        return out;
    }

    private SummaryView view(Inspector i, String kind, String period, Summary s) {
        LocalDate today = LocalDate.now(clock);
        LocalDate due = due(kind, period);
        String state;
        if (s != null) {
            state = LocalDate.ofInstant(s.getSubmittedAt(), clock.getZone()).isAfter(due) ? "LATE" : "ON_TIME";
        } else if (today.isAfter(due)) {
            state = "OVERDUE";
        } else if (today.isAfter(lastMonth(kind, period).atEndOfMonth())) {
            state = "DUE";
        } else {
            state = "OPEN";
        }
        return new SummaryView(
                s == null ? null : s.getId(),
                i.getId(),
                i.getName(),
                kind,
                period,
                due,
                state,
                "OVERDUE".equals(state),
                s == null ? null : s.getBody(),
                s == null ? null : s.getSubmittedAt(),
                s == null ? null : s.getRowVersion());
    }

    /** The first and last month of a period, or null with the problem named. */
    private static YearMonth[] range(Problems problems, String kind, String period) {
        String k = kind == null ? null : kind.trim();
        if (!MONTH.equals(k) && !HALF.equals(k)) {
            problems.add("kind", "inspection.error.summary-kind");
            return null;
        }
        if (!problems.required("period", period)) return null;
        String p = period.trim();
        try {
            if (MONTH.equals(k)) {
                YearMonth m = YearMonth.parse(p);
                return problems.saneDate("period", m.atDay(1)) ? new YearMonth[] {m, m} : null;
            }
        } catch (DateTimeParseException e) {
            problems.add("period", "inspection.error.summary-period");
            return null;
        }
        Matcher h = HALF_PERIOD.matcher(p);
        if (!h.matches()) {
            problems.add("period", "inspection.error.summary-period");
            return null;
        }
        YearMonth from = YearMonth.of(Integer.parseInt(h.group(1)), h.group(2).equals("1") ? 1 : 7);
        return problems.saneDate("period", from.atDay(1)) ? new YearMonth[] {from, from.plusMonths(5)} : null;
    }

    private static YearMonth lastMonth(String kind, String period) {
        if (MONTH.equals(kind)) return YearMonth.parse(period);
        Matcher h = HALF_PERIOD.matcher(period);
        h.matches();
        return YearMonth.of(Integer.parseInt(h.group(1)), h.group(2).equals("1") ? 6 : 12);
    }

    private static String key(Long inspector, String kind, String period) {
        return inspector + "/" + kind + "/" + period;
    }
}
