package org.dudao.inspection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.dudao.audit.AuditLog;
import org.dudao.evidence.EvidenceStore;
import org.dudao.inspection.internal.InspectionProperties;
import org.dudao.inspection.internal.Inspector;
import org.dudao.inspection.internal.InspectorRepository;
import org.dudao.inspection.internal.PlaqueMessage;
import org.dudao.inspection.internal.PlaqueMessageCase;
import org.dudao.inspection.internal.PlaqueMessageCaseRepository;
import org.dudao.inspection.internal.PlaqueMessageRepository;
import org.dudao.inspection.internal.PlaqueRevocation;
import org.dudao.inspection.internal.PlaqueRevocationRepository;
import org.dudao.inspection.internal.QrCodes;
import org.dudao.inspection.internal.ZoneSchool;
import org.dudao.inspection.internal.ZoneSchoolRepository;
import org.dudao.org.OrgUnitRef;
import org.dudao.org.OrgUnits;
import org.dudao.shared.Access;
import org.dudao.shared.NotFoundException;
import org.dudao.shared.Problems;
import org.dudao.shared.Role;
import org.dudao.shared.pdf.PdfRenderer;
import org.dudao.shared.web.PublicForms;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 挂牌督导: the public page of each school (no login: only what the plaque at its gate shows), its QR code, the
 * printable plaque and the messages the public leaves for the responsible inspector.
 */
@Service
public class Plaques {

    /** The plaque's layouts: an A4 sheet and the 60×40 cm board at the gate. */
    public static final Set<String> FORMATS = Set.of("A4", "60x40");

    private static final String SCHOOL_CODE = "[A-Za-z0-9_-]{1,64}";

    private final OrgUnits orgUnits;
    private final ZoneSchoolRepository zoneSchools;
    private final InspectorRepository inspectors;
    private final PlaqueMessageRepository messages;
    private final PlaqueMessageCaseRepository messageCases;
    private final PlaqueRevocationRepository revocations;
    private final EvidenceStore evidence;
    private final PdfRenderer pdf;
    private final InspectionProperties properties;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Plaques(
            OrgUnits orgUnits,
            ZoneSchoolRepository zoneSchools,
            InspectorRepository inspectors,
            PlaqueMessageRepository messages,
            PlaqueMessageCaseRepository messageCases,
            PlaqueRevocationRepository revocations,
            EvidenceStore evidence,
            PdfRenderer pdf,
            InspectionProperties properties,
            AuditLog audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.orgUnits = orgUnits;
        this.zoneSchools = zoneSchools;
        this.inspectors = inspectors;
        this.messages = messages;
        this.messageCases = messageCases;
        this.revocations = revocations;
        this.evidence = evidence;
        this.pdf = pdf;
        this.properties = properties;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** The public page's content; anyone may read it. Unknown codes and units that are no school: 404. */
    @Transactional(readOnly = true)
    public PlaqueView plaque(String schoolCode) {
        return asSystem(() -> {
            OrgUnitRef school = school(schoolCode);
            Inspector i = inspectorOf(school);
            PlaqueRevocation revoked = revocations.findBySchoolId(school.id()).orElse(null);
            return new PlaqueView(
                    school.code(),
                    school.name(),
                    i == null ? null : i.getName(),
                    i == null ? null : i.getPhone(),
                    i != null && i.getPhotoId() != null,
                    url(school.code()),
                    revoked == null ? null : revoked.getRevokedAt(),
                    revoked == null ? null : revoked.getReason());
        });
    }

    /** The absolute address of a school's public page, as its QR code encodes it. */
    public String url(String schoolCode) {
        return properties.publicBaseUrl() + "/public/plaques/" + schoolCode;
    }

    /** The QR code (PNG) of the school's public page. */
    @Transactional(readOnly = true)
    public byte[] qr(String schoolCode) {
        PlaqueView plaque = plaque(schoolCode);
        return QrCodes.png(plaque.url(), 480);
    }

    /** The responsible inspector's photo, public as it hangs at the gate. */
    @Transactional(readOnly = true)
    public EvidenceStore.StoredFile photo(String schoolCode) {
        return asSystem(() -> {
            Inspector i = inspectorOf(school(schoolCode));
            if (i == null || i.getPhotoId() == null) throw new NotFoundException("photo " + schoolCode);
            return evidence.open(i.getPhotoId());
        });
    }

    /** The printable plaque (A4 or the 60×40 cm board) of a school the caller may read. */
    @Transactional(readOnly = true)
    public byte[] pdf(String schoolCode, String format, Locale locale) {
        OrgUnitRef school = orgUnits.readable(schoolCode == null ? "" : schoolCode.trim());
        String size = format == null || format.isBlank() ? "A4" : format.trim();
        if (!FORMATS.contains(size)) {
            new Problems()
                    .add("format", "inspection.error.format", String.join(", ", FORMATS))
                    .throwIfAny();
        }
        PlaqueView plaque = plaque(school.code());
        Map<String, Object> model = new HashMap<>();
        model.put("p", plaque);
        model.put("large", size.equals("60x40"));
        model.put("qr", "data:image/png;base64," + Base64.getEncoder().encodeToString(QrCodes.png(plaque.url(), 480)));
        model.put("photo", plaque.photo() ? photoData(photo(school.code())) : null);
        model.put("items", List.of(SupervisionItem.values()));
        // a revoked plaque still prints, marked 已摘牌 with the day (in the configured zone) and the reason
        model.put(
                "revokedOn",
                plaque.revokedAt() == null
                        ? null
                        : plaque.revokedAt()
                                .atZone(clock.getZone())
                                .toLocalDate()
                                .toString());
        return pdf.render("pdf/inspection-plaque", model, locale);
    }

    /**
     * A message from the public to the school's inspector. {@code website} is a field people do not see: a robot
     * filling it in is answered as usual and nothing is kept. Published as {@link PlaqueMessageReceived}, so the
     * cases feature opens a case for it.
     */
    @Transactional
    public void leaveMessage(String schoolCode, String body, String contact, String website) {
        Problems problems = new Problems();
        if (problems.required("body", body)) problems.text("body", body, 1000);
        problems.name("contact", contact, 100);
        problems.throwIfAny();
        asSystem(() -> {
            OrgUnitRef school = school(schoolCode);
            if (PublicForms.robot(website)) return null;
            Inspector i = inspectorOf(school);
            PlaqueMessage m = messages.saveAndFlush(new PlaqueMessage(
                    school.id(),
                    school.path(),
                    i == null ? null : i.getId(),
                    body.trim(),
                    contact == null || contact.isBlank() ? null : contact.trim(),
                    Instant.now(clock)));
            audit.created("PlaqueMessage", m.getId(), school.name(), school.path(), m.getBody());
            String office = i == null || i.getOfficeId() == null
                    ? null
                    : orgUnits.readable(i.getOfficeId()).code();
            events.publishEvent(new PlaqueMessageReceived(
                    m.getId(),
                    school.code(),
                    office,
                    i == null ? null : i.getName(),
                    m.getBody(),
                    m.getContact(),
                    m.getCreatedAt()));
            return null;
        });
    }

    /** Links a message to the case opened for it (by the cases feature, running as the system). */
    @Transactional
    public void linkCase(Long messageId, Long caseId) {
        PlaqueMessage m = messages.findById(messageId).orElseThrow(() -> new NotFoundException("message " + messageId));
        Access.requireRead(m.getSchoolPath(), "message " + messageId);
        messageCases.saveAndFlush(new PlaqueMessageCase(m.getId(), caseId));
    }

    /** The case a message became, if any (so it is opened once). */
    @Transactional(readOnly = true)
    public java.util.Optional<Long> caseOf(Long messageId) {
        return messages.findById(messageId)
                .filter(m -> Access.canRead(m.getSchoolPath()))
                .flatMap(m -> messageCases.findById(m.getId()))
                .map(PlaqueMessageCase::getCaseId);
    }

    /** Messages to the user as an inspector, and those under the offices where the user works, newest first. */
    @Transactional(readOnly = true)
    public List<PlaqueMessageView> messages() {
        Map<Long, PlaqueMessage> found = new TreeMap<>();
        for (String prefix : Access.pathsWith(Role.OFFICE)) {
            messages.findUnder(prefix == null ? "/" : prefix).forEach(m -> found.put(m.getId(), m));
        }
        Set<Long> mine =
                new java.util.HashSet<>(inspectors.findByUsernameOrderByIdAsc(Access.currentUsername()).stream()
                        .map(Inspector::getId)
                        .toList());
        for (String prefix : Access.pathsWith(Set.of(Role.INSPECTOR))) {
            messages.findUnder(prefix == null ? "/" : prefix).stream()
                    .filter(m -> m.getInspectorId() != null && mine.contains(m.getInspectorId()))
                    .forEach(m -> found.put(m.getId(), m));
        }
        List<PlaqueMessage> list = new ArrayList<>(found.values());
        list.sort((a, b) -> b.getCreatedAt().compareTo(a.getCreatedAt()));
        Map<Long, OrgUnitRef> units =
                orgUnits.refs(list.stream().map(PlaqueMessage::getSchoolId).toList());
        Map<Long, Inspector> people = inspectors.byIds(
                list.stream().map(PlaqueMessage::getInspectorId).toList());
        Map<Long, Long> caseIds = new HashMap<>();
        messageCases
                .findAllById(list.stream().map(PlaqueMessage::getId).toList())
                .forEach(l -> caseIds.put(l.getMessageId(), l.getCaseId()));
        return list.stream()
                .map(m -> new PlaqueMessageView(
                        m.getId(),
                        units.get(m.getSchoolId()).code(),
                        units.get(m.getSchoolId()).name(),
                        m.getInspectorId() == null
                                ? null
                                : people.get(m.getInspectorId()).getName(),
                        m.getBody(),
                        m.getContact(),
                        m.getCreatedAt(),
                        caseIds.get(m.getId())))
                .toList();
    }

    private OrgUnitRef school(String code) {
        if (code == null || !code.matches(SCHOOL_CODE)) throw new NotFoundException("school " + code);
        OrgUnitRef unit = orgUnits.readable(code);
        if (!unit.kind().isSchool()) throw new NotFoundException("school " + code);
        return unit;
    }

    private Inspector inspectorOf(OrgUnitRef school) {
        return zoneSchools
                .findById(school.id())
                .map(ZoneSchool::getInspectorId)
                .flatMap(inspectors::findById)
                .orElse(null);
    }

    private static String photoData(EvidenceStore.StoredFile file) {
        try {
            return "data:" + file.view().contentType() + ";base64,"
                    + Base64.getEncoder().encodeToString(Files.readAllBytes(file.path()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Public reads see only what the plaque shows; they run as the system user, never on the caller's rights. */
    private static <T> T asSystem(Supplier<T> work) {
        AtomicReference<T> result = new AtomicReference<>();
        Access.runAsSystem(() -> result.set(work.get()));
        return result.get();
    }
}
