package org.dudao.cases.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.dudao.audit.AuditLog;
import org.dudao.org.OrgKind;
import org.dudao.org.OrgUnitRef;
import org.dudao.org.OrgUnitView;
import org.dudao.org.OrgUnits;
import org.dudao.shared.Access;
import org.dudao.shared.ConflictException;
import org.dudao.shared.InvalidInputException;
import org.dudao.shared.IssuingOffices;
import org.dudao.shared.NotFoundException;
import org.dudao.shared.Problems;
import org.dudao.shared.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 专报: the office composes one for a period from the cases under it — the categories and subordinate units whose
 * count rose above the threshold ({@code dudao.cases.hotspot-threshold}, or the one given) or above the previous
 * period of equal length — edits its intro, and issues it under its next 文号 of the year (gapless); issued, it is
 * read-only and downloads as PDF and Word ({@link HotspotPrinter}).
 */
@Service
public class CaseHotspots {

    /** The longest period a report covers. */
    static final int MAX_DAYS = 366;

    public record HotspotRequest(String office, String from, String to, Integer threshold) {}

    public record IntroForm(String intro, Integer version) {}

    private final JdbcTemplate jdbc;
    private final OrgUnits orgUnits;
    private final IssuingOffices offices;
    private final CaseRates rates;
    private final MessageSource messages;
    private final ObjectMapper json;
    private final AuditLog audit;
    private final Clock clock;
    private final int defaultThreshold;

    CaseHotspots(
            JdbcTemplate jdbc,
            OrgUnits orgUnits,
            IssuingOffices offices,
            CaseRates rates,
            MessageSource messages,
            ObjectMapper json,
            AuditLog audit,
            Clock clock,
            @Value("${dudao.cases.hotspot-threshold:20}") int defaultThreshold) {
        this.jdbc = jdbc;
        this.orgUnits = orgUnits;
        this.offices = offices;
        this.rates = rates;
        this.messages = messages;
        this.json = json;
        this.audit = audit;
        this.clock = clock;
        this.defaultThreshold = defaultThreshold;
    }

    /** Whether the current user composes reports somewhere (the compose form). */
    public boolean canCompose() {
        return Access.holdsAny(Role.OFFICE);
    }

    public boolean canManage(HotspotView h) {
        return Access.can(Role.OFFICE, officePath(h.id()));
    }

    /** The archive: the reports of the offices in the caller's scope, newest first. */
    @Transactional(readOnly = true)
    public List<HotspotView> list() {
        Map<Long, HotspotView> found = new TreeMap<>(java.util.Comparator.reverseOrder());
        for (String prefix : Access.outermostPathsWith(Role.STAFF)) {
            jdbc.queryForList(
                            "select id from case_hotspot where office_path like ? order by id desc",
                            Long.class,
                            (prefix == null ? "/" : prefix) + "%")
                    .forEach(id -> found.computeIfAbsent(id, this::load));
        }
        return List.copyOf(found.values());
    }

    @Transactional(readOnly = true)
    public HotspotView get(Long id) {
        readable(id);
        return load(id);
    }

    /** Composes a draft for the office and period with the intro the office will edit. */
    @Transactional
    public HotspotView compose(HotspotRequest r, Locale locale) {
        Problems problems = new Problems();
        if (r == null || !problems.required("office", r.office())) problems.throwIfAny();
        OrgUnitRef office = unit(r.office());
        Access.requireRole(office.path(), Role.OFFICE, "org unit " + office.code());
        if (office.kind().level() == OrgKind.Level.UNIT) problems.add("office", "cases.error.hotspot-office");
        problems.required("from", r.from());
        problems.required("to", r.to());
        problems.throwIfAny();
        CaseRates.Period p = rates.period(r.from(), r.to());
        long days = ChronoUnit.DAYS.between(p.from(), p.to()) + 1;
        if (days > MAX_DAYS) problems.add("to", "cases.error.hotspot-period", MAX_DAYS);
        int threshold = r.threshold() == null ? defaultThreshold : r.threshold();
        if (threshold < 0 || threshold > 1_000_000) problems.add("threshold", "error.range", 0, 1_000_000);
        problems.throwIfAny();
        LocalDate prevTo = p.from().minusDays(1);
        LocalDate prevFrom = prevTo.minusDays(days - 1);
        List<HotspotView.Hotspot> hotspots = new ArrayList<>(categories(office, p, prevFrom, prevTo, threshold));
        hotspots.addAll(units(office, p, prevFrom, prevTo, threshold));
        String intro = messages.getMessage(
                "cases.hotspot.intro",
                new Object[] {office.name(), p.from().toString(), p.to().toString(), total(office, p.from(), p.to())},
                locale);
        Instant now = Instant.now(clock);
        jdbc.update(
                "insert into case_hotspot (office_id, office_path, period_from, period_to, threshold, intro, findings,"
                        + " status, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                office.id(),
                office.path(),
                p.from(),
                p.to(),
                threshold,
                intro,
                write(hotspots),
                HotspotView.DRAFT,
                Access.currentUsername(),
                now.atOffset(ZoneOffset.UTC));
        Long id = jdbc.queryForObject(
                "select max(id) from case_hotspot where office_id = ? and created_by = ?",
                Long.class,
                office.id(),
                Access.currentUsername());
        HotspotView view = load(id);
        audit.created("CaseHotspot", id, office.name() + " " + p.from() + "–" + p.to(), office.path(), audited(view));
        return view;
    }

    /** Edits the intro of a draft. */
    @Transactional
    public HotspotView edit(Long id, IntroForm form) {
        String path = readable(id);
        Access.requireRole(path, Role.OFFICE, "hotspot report " + id);
        Problems problems = new Problems();
        if (problems.required("intro", form == null ? null : form.intro())) problems.text("intro", form.intro(), 4000);
        problems.throwIfAny();
        HotspotView before = load(id);
        if (!HotspotView.DRAFT.equals(before.status())) throw new ConflictException("cases.error.hotspot-issued");
        if (form.version() != null && form.version() != before.version()) throw new ConflictException("error.stale");
        jdbc.update(
                "update case_hotspot set intro = ?, row_version = row_version + 1 where id = ? and row_version = ?",
                form.intro().strip(),
                id,
                before.version());
        HotspotView after = load(id);
        audit.updated("CaseHotspot", id, label(after), path, audited(before), audited(after));
        return after;
    }

    /** Issues the draft under the office's next 文号 of the year; read-only from then on. */
    @Transactional
    public HotspotView issue(Long id) {
        String path = readable(id);
        Access.requireRole(path, Role.OFFICE, "hotspot report " + id);
        HotspotView before = load(id);
        if (!HotspotView.DRAFT.equals(before.status())) throw new ConflictException("cases.error.hotspot-issued");
        Instant now = Instant.now(clock);
        int year = LocalDate.now(clock).getYear();
        String number = offices.nextNumber(before.office(), before.officeName(), year);
        int changed = jdbc.update(
                "update case_hotspot set status = ?, number = ?, issued_by = ?, issued_at = ?,"
                        + " row_version = row_version + 1 where id = ? and status = ?",
                HotspotView.ISSUED,
                number,
                Access.currentUsername(),
                now.atOffset(ZoneOffset.UTC),
                id,
                HotspotView.DRAFT);
        if (changed == 0) throw new ConflictException("cases.error.hotspot-issued");
        HotspotView after = load(id);
        audit.updated("CaseHotspot", id, label(after), path, audited(before), audited(after));
        return after;
    }

    // ---- figures ------------------------------------------------------------------------------------------

    private List<HotspotView.Hotspot> categories(
            OrgUnitRef office, CaseRates.Period p, LocalDate prevFrom, LocalDate prevTo, int threshold) {
        Map<String, long[]> counts = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        jdbc.query("select code, name from case_category order by sort_order, code", rs -> {
            counts.put(rs.getString(1), new long[2]);
            names.put(rs.getString(1), rs.getString(2));
        });
        String sql = "select category, count(*) from case_file where unit_path like ? and received_on between ? and ?"
                + " and status <> 'MERGED' group by category";
        jdbc.query(
                sql,
                rs -> {
                    counts.computeIfAbsent(rs.getString(1), k -> new long[2])[0] = rs.getLong(2);
                },
                office.path() + "%",
                p.from(),
                p.to());
        jdbc.query(
                sql,
                rs -> {
                    counts.computeIfAbsent(rs.getString(1), k -> new long[2])[1] = rs.getLong(2);
                },
                office.path() + "%",
                prevFrom,
                prevTo);
        List<HotspotView.Hotspot> found = new ArrayList<>();
        counts.forEach((code, c) -> hotspot("CATEGORY", code, names.getOrDefault(code, code), c, threshold, found));
        return found;
    }

    private List<HotspotView.Hotspot> units(
            OrgUnitRef office, CaseRates.Period p, LocalDate prevFrom, LocalDate prevTo, int threshold) {
        List<OrgUnitView> children = orgUnits.children(office.code());
        Map<Long, OrgUnitRef> refs =
                orgUnits.refs(children.stream().map(OrgUnitView::id).toList());
        List<HotspotView.Hotspot> found = new ArrayList<>();
        for (OrgUnitView child : children) {
            OrgUnitRef ref = refs.get(child.id());
            long[] c = {total(ref, p.from(), p.to()), total(ref, prevFrom, prevTo)};
            hotspot("UNIT", ref.code(), ref.name(), c, threshold, found);
        }
        return found;
    }

    private static void hotspot(
            String kind, String key, String name, long[] c, int threshold, List<HotspotView.Hotspot> found) {
        boolean above = c[0] > threshold;
        boolean rising = c[0] > c[1];
        if (above || rising) found.add(new HotspotView.Hotspot(kind, key, name, c[0], c[1], above, rising));
    }

    private long total(OrgUnitRef unit, LocalDate from, LocalDate to) {
        return jdbc.queryForObject(
                "select count(*) from case_file where unit_path like ? and received_on between ? and ?"
                        + " and status <> 'MERGED'",
                Long.class,
                unit.path() + "%",
                from,
                to);
    }

    // ---- storage ------------------------------------------------------------------------------------------

    private String readable(Long id) {
        String path = id == null ? null : officePath(id);
        if (path == null || !Access.canRead(path)) throw new NotFoundException("hotspot report " + id);
        return path;
    }

    private String officePath(Long id) {
        return jdbc.queryForList("select office_path from case_hotspot where id = ?", String.class, id).stream()
                .findFirst()
                .orElse(null);
    }

    private HotspotView load(Long id) {
        return jdbc.query(
                        "select id, office_id, period_from, period_to, threshold, intro, findings, status, number,"
                                + " issued_by, issued_at, row_version from case_hotspot where id = ?",
                        (rs, i) -> {
                            OrgUnitRef office = orgUnits.readable(rs.getLong(2));
                            LocalDate from = rs.getObject(3, LocalDate.class);
                            LocalDate to = rs.getObject(4, LocalDate.class);
                            long days = ChronoUnit.DAYS.between(from, to) + 1;
                            OffsetDateTime issued = rs.getObject(11, OffsetDateTime.class);
                            return new HotspotView(
                                    rs.getLong(1),
                                    office.code(),
                                    office.name(),
                                    from,
                                    to,
                                    from.minusDays(days),
                                    from.minusDays(1),
                                    rs.getInt(5),
                                    rs.getString(6),
                                    read(rs.getString(7)),
                                    rs.getString(8),
                                    rs.getString(9),
                                    offices.signature(office.code(), office.name()),
                                    rs.getString(10),
                                    issued == null ? null : issued.toInstant(),
                                    rs.getInt(12));
                        },
                        id)
                .get(0);
    }

    private OrgUnitRef unit(String code) {
        try {
            return orgUnits.readable(code.strip());
        } catch (NotFoundException e) {
            throw InvalidInputException.of("office", "collection.error.unit-unknown", code.strip());
        }
    }

    private String write(List<HotspotView.Hotspot> hotspots) {
        try {
            return json.writeValueAsString(hotspots);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<HotspotView.Hotspot> read(String text) {
        try {
            return json.readValue(text, new TypeReference<List<HotspotView.Hotspot>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("hotspot findings unreadable", e);
        }
    }

    private static String label(HotspotView h) {
        return h.officeName() + " " + h.from() + "–" + h.to();
    }

    private static Map<String, Object> audited(HotspotView h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("office", h.office());
        m.put("from", h.from().toString());
        m.put("to", h.to().toString());
        m.put("threshold", h.threshold());
        m.put("intro", h.intro());
        m.put("hotspots", h.hotspots().size());
        m.put("status", h.status());
        if (h.number() != null) m.put("number", h.number());
        return m;
    }
}
