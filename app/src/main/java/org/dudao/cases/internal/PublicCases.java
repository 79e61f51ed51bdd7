package org.dudao.cases.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.dudao.evidence.EvidenceStore;
import org.dudao.org.OrgKind;
import org.dudao.org.OrgUnitRef;
import org.dudao.org.OrgUnitView;
import org.dudao.org.OrgUnits;
import org.dudao.shared.Access;
import org.dudao.shared.InvalidInputException;
import org.dudao.shared.NotFoundException;
import org.dudao.shared.Problems;
import org.dudao.shared.web.PublicForms;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cases the public files without signing in (channel 网上投诉): the county or township concerned, what happened,
 * where, optionally who and a photo; answered with a tracking code. Tracking shows the status and the public
 * timeline (the steps and when), never the reporter, the notes or who acted. Runs as the system: the caller has no
 * rights, and nothing here reads beyond the one case the code names.
 */
@Service
public class PublicCases {

    /** A photo from the public: PNG or JPEG (checked by content), at most this many bytes. */
    public static final long PHOTO_MAX_BYTES = 5L * 1024 * 1024;

    static final Set<OrgKind> UNIT_KINDS =
            EnumSet.of(OrgKind.COUNTY, OrgKind.DISTRICT, OrgKind.TOWNSHIP, OrgKind.SUBDISTRICT);

    private final Cases cases;
    private final CaseRepository repository;
    private final CaseEventRepository events;
    private final OrgUnits orgUnits;
    private final EvidenceStore evidence;
    private final Clock clock;

    PublicCases(
            Cases cases,
            CaseRepository repository,
            CaseEventRepository events,
            OrgUnits orgUnits,
            EvidenceStore evidence,
            Clock clock) {
        this.cases = cases;
        this.repository = repository;
        this.events = events;
        this.orgUnits = orgUnits;
        this.evidence = evidence;
        this.clock = clock;
    }

    /** What the form takes; latitude and longitude as typed. {@code website} is the hidden honeypot field. */
    public record Filing(
            String category,
            String description,
            String unit,
            String address,
            String latitude,
            String longitude,
            String name,
            String phone,
            String website) {}

    /** A photo sent with the form. */
    public record Photo(String fileName, long size, Supplier<InputStream> content) {}

    /** A county (or district) with its townships, as the form offers them. */
    public record UnitChoice(String code, String name, List<UnitChoice> townships) {}

    /** What tracking shows: never the reporter, the notes or who acted. */
    public record Tracked(
            String trackingCode,
            String categoryName,
            String status,
            String unitName,
            Instant receivedAt,
            LocalDate due,
            LocalDate closedOn,
            String answer,
            List<PublicStep> timeline) {}

    public record PublicStep(String action, String status, Instant at) {}

    /** The counties and townships the public may address a case to. */
    @Transactional(readOnly = true)
    public List<UnitChoice> units() {
        return asSystem(() -> {
            List<OrgUnitView> counties = new ArrayList<>();
            List<OrgUnitView> towns = new ArrayList<>();
            for (OrgKind kind : UNIT_KINDS) {
                List<OrgUnitView> found = orgUnits.search(null, kind, null, PageRequest.of(0, 2000, Sort.by("path")))
                        .getContent();
                (kind.level() == OrgKind.Level.COUNTY ? counties : towns).addAll(found);
            }
            Map<String, List<UnitChoice>> townships = towns.stream()
                    .sorted(Comparator.comparing(OrgUnitView::path))
                    .collect(Collectors.groupingBy(
                            u -> String.valueOf(u.parentCode()),
                            Collectors.mapping(
                                    u -> new UnitChoice(u.code(), u.name(), List.of()), Collectors.toList())));
            return counties.stream()
                    .sorted(Comparator.comparing(OrgUnitView::path))
                    .map(u -> new UnitChoice(u.code(), u.name(), townships.getOrDefault(u.code(), List.of())))
                    .toList();
        });
    }

    /**
     * Files a case and returns its tracking code. A filled honeypot is answered with a code like any other, and
     * nothing is kept. All or nothing: a photo that is no image refuses the whole case.
     */
    @Transactional
    public String file(Filing f, Photo photo) {
        if (PublicForms.robot(f.website())) return TrackingCodes.next();
        Problems problems = new Problems();
        Double latitude = coordinate(problems, "latitude", f.latitude());
        Double longitude = coordinate(problems, "longitude", f.longitude());
        if ((latitude == null) != (longitude == null) && problems.isEmpty()) {
            problems.add(latitude == null ? "latitude" : "longitude", "error.required");
        }
        if (photo != null && photo.size() > PHOTO_MAX_BYTES) {
            problems.add("photo", "cases.error.photo-size", PHOTO_MAX_BYTES / (1024 * 1024));
        }
        problems.required("unit", f.unit());
        problems.throwIfAny();
        return asSystem(() -> {
            OrgUnitRef unit = publicUnit(f.unit());
            boolean anonymous = blank(f.name()) && blank(f.phone());
            Case c = cases.intake(
                    new Cases.NewCase(
                            Channel.ONLINE.name(),
                            f.category(),
                            f.description(),
                            unit.code(),
                            null,
                            f.name(),
                            f.phone(),
                            anonymous,
                            f.address(),
                            latitude,
                            longitude,
                            null),
                    "public",
                    null);
            // the photo only once the case is valid, so a refused case leaves no file behind
            if (photo != null) c.attachEvidence(photo(photo, unit));
            repository.flush();
            return c.getTrackingCode();
        });
    }

    /** The case a tracking code names; a code that names none (or is malformed) does not exist. */
    @Transactional(readOnly = true)
    public Tracked track(String code) {
        String normalized = TrackingCodes.normalize(code);
        Case c = normalized == null
                ? null
                : repository.findByTrackingCode(normalized).orElse(null);
        if (c == null) throw new NotFoundException("tracking code");
        return asSystem(() -> {
            CaseView view = cases.view(c);
            List<PublicStep> steps = events.findByCaseIdOrderByIdAsc(c.getId()).stream()
                    .map(e -> new PublicStep(e.getAction(), e.getToStatus(), e.getAt()))
                    .toList();
            return new Tracked(
                    c.getTrackingCode(),
                    view.categoryName(),
                    view.status(),
                    view.unitName(),
                    c.getReceivedAt(),
                    c.getDue(),
                    c.getClosedOn(),
                    c.getStatus() == CaseStatus.CLOSED ? c.getAnswer() : null,
                    steps);
        });
    }

    private OrgUnitRef publicUnit(String code) {
        OrgUnitRef unit;
        try {
            unit = orgUnits.readable(code.strip());
        } catch (NotFoundException e) {
            unit = null;
        }
        if (unit == null || !UNIT_KINDS.contains(unit.kind()))
            throw InvalidInputException.of("unit", "cases.error.public-unit");
        return unit;
    }

    private Long photo(Photo photo, OrgUnitRef unit) {
        try (InputStream in = photo.content().get()) {
            String period = String.valueOf(LocalDate.now(clock).getYear());
            return evidence.uploadPhoto(in, photo.fileName(), unit.code(), period)
                    .id();
        } catch (InvalidInputException e) {
            // the evidence store names its own field ("file"); on this form the field is the photo
            throw InvalidInputException.of(
                    "photo", e.problems().get(0).message(), e.problems().get(0).args());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Double coordinate(Problems problems, String field, String text) {
        if (blank(text)) return null;
        try {
            return Double.valueOf(text.strip());
        } catch (NumberFormatException e) {
            if (field.equals("latitude")) problems.add(field, "error.range", -90, 90);
            else problems.add(field, "error.range", -180, 180);
            return null;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static <T> T asSystem(Supplier<T> work) {
        AtomicReference<T> result = new AtomicReference<>();
        Access.runAsSystem(() -> result.set(work.get()));
        return result.get();
    }
}
