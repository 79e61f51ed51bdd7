package org.dudao.cases.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.dudao.shared.Access;
import org.dudao.shared.InvalidInputException;
import org.dudao.shared.NotFoundException;
import org.dudao.shared.Problems;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Open311 GeoReport v2 over the cases: categories are services (no attributes), a service request is a case of
 * channel 网上投诉 filed with the {@code api_key} of a user who takes cases in (a personal access token; the case's
 * unit is {@code jurisdiction_id} or the outermost unit where that user takes cases in). Reads see the cases in the
 * key's user's scope. Times are ISO-8601 with the offset of the configured zone; reporters are never returned.
 */
@Service
public class Open311 {

    /** A service request as GeoReport v2 lists it. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ServiceRequest(
            @JsonProperty("service_request_id") String serviceRequestId,
            String status,
            @JsonProperty("status_notes") String statusNotes,
            @JsonProperty("service_name") String serviceName,
            @JsonProperty("service_code") String serviceCode,
            String description,
            @JsonProperty("agency_responsible") String agencyResponsible,
            @JsonProperty("service_notice") String serviceNotice,
            @JsonProperty("requested_datetime") OffsetDateTime requestedDatetime,
            @JsonProperty("updated_datetime") OffsetDateTime updatedDatetime,
            @JsonProperty("expected_datetime") OffsetDateTime expectedDatetime,
            String address,
            @JsonProperty("address_id") String addressId,
            String zipcode,
            Double lat,
            @JsonProperty("long") Double lon,
            @JsonProperty("media_url") String mediaUrl) {}

    /** A service (a case category). */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Service311(
            @JsonProperty("service_code") String serviceCode,
            @JsonProperty("service_name") String serviceName,
            String description,
            boolean metadata,
            String type,
            String keywords,
            String group) {}

    /** A service's definition: no extra attributes. */
    public record Definition(@JsonProperty("service_code") String serviceCode, List<Object> attributes) {}

    /** The answer to a new request. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Created(
            @JsonProperty("service_request_id") String serviceRequestId,
            @JsonProperty("service_notice") String serviceNotice,
            @JsonProperty("account_id") String accountId) {}

    /** What POST requests.json takes (form fields). */
    public record NewRequest(
            String jurisdictionId,
            String serviceCode,
            String description,
            String addressString,
            String lat,
            String lon,
            String email,
            String firstName,
            String lastName,
            String phone) {}

    private static final int MAX_IDS = 100;

    private final Cases cases;
    private final CaseRepository repository;
    private final CaseEventRepository events;
    private final org.dudao.org.OrgUnits orgUnits;
    private final Clock clock;

    Open311(
            Cases cases,
            CaseRepository repository,
            CaseEventRepository events,
            org.dudao.org.OrgUnits orgUnits,
            Clock clock) {
        this.cases = cases;
        this.orgUnits = orgUnits;
        this.repository = repository;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Service311> services() {
        return cases.categories().stream()
                .map(k -> new Service311(k.code(), k.name(), k.name(), false, "realtime", "", ""))
                .toList();
    }

    @Transactional(readOnly = true)
    public Definition service(String code) {
        return cases.categories().stream()
                .filter(k -> k.code().equals(code))
                .findFirst()
                .map(k -> new Definition(k.code(), List.of()))
                .orElseThrow(() -> new NotFoundException("service " + code));
    }

    @Transactional
    public Created create(NewRequest r) {
        Problems problems = new Problems();
        Double lat = coordinate(problems, "lat", r.lat(), 90);
        Double lon = coordinate(problems, "long", r.lon(), 180);
        boolean located = lat != null && lon != null;
        if (!located && (r.addressString() == null || r.addressString().isBlank())) {
            problems.add("address_string", "cases.error.open311-location");
        }
        if (r.email() != null
                && !r.email().isBlank()
                && (r.email().strip().length() > 200 || !r.email().strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
            problems.add("email", "cases.error.email");
        }
        problems.throwIfAny();
        String name = name(r.firstName(), r.lastName());
        String phone = r.phone() == null || r.phone().isBlank() ? null : r.phone();
        boolean anonymous =
                name == null && phone == null && (r.email() == null || r.email().isBlank());
        try {
            Case c = cases.intake(
                    new Cases.NewCase(
                            Channel.ONLINE.name(),
                            r.serviceCode() == null || r.serviceCode().isBlank() ? null : r.serviceCode(),
                            r.description(),
                            unit(r.jurisdictionId()),
                            null,
                            name,
                            phone,
                            anonymous,
                            r.addressString(),
                            lat,
                            lon,
                            null),
                    Access.currentUsername(),
                    null);
            if (r.email() != null && !r.email().isBlank())
                c.reachableBy(r.email().strip());
            repository.flush();
            return new Created(String.valueOf(c.getId()), null, null);
        } catch (InvalidInputException e) {
            throw renamed(e);
        }
    }

    /**
     * The requests in the key's scope: by id (a comma list), else filtered by service, received between two times
     * (default the last 90 days) and status; newest first, at most 1000.
     */
    @Transactional(readOnly = true)
    public List<ServiceRequest> requests(
            String ids, String serviceCode, String startDate, String endDate, String status) {
        Problems problems = new Problems();
        Instant start = time(problems, "start_date", startDate);
        Instant end = time(problems, "end_date", endDate);
        String wanted =
                status == null || status.isBlank() ? null : status.strip().toLowerCase(Locale.ROOT);
        if (wanted != null && !wanted.equals("open") && !wanted.equals("closed")) {
            problems.add("status", "cases.error.open311-status");
        }
        Set<Long> only = ids(problems, ids);
        problems.throwIfAny();
        Instant from = start != null ? start : only == null ? Instant.now(clock).minusSeconds(90L * 24 * 3600) : null;
        List<CaseView> found = cases.list(null, null, null, null).stream()
                .filter(c -> only == null || only.contains(c.id()))
                .filter(c -> serviceCode == null
                        || serviceCode.isBlank()
                        || c.category().equals(serviceCode.strip()))
                .filter(c -> from == null || !c.receivedAt().isBefore(from))
                .filter(c -> end == null || !c.receivedAt().isAfter(end))
                .filter(c -> wanted == null || status(c).equals(wanted))
                .limit(1000)
                .toList();
        return views(found);
    }

    @Transactional(readOnly = true)
    public List<ServiceRequest> request(String id) {
        Long key;
        try {
            key = Long.valueOf(id);
        } catch (NumberFormatException e) {
            throw new NotFoundException("request " + id);
        }
        return views(List.of(cases.get(key)));
    }

    private List<ServiceRequest> views(List<CaseView> found) {
        Map<Long, Instant> updated =
                events.lastStepTimes(found.stream().map(CaseView::id).toList());
        List<ServiceRequest> list = new ArrayList<>();
        for (CaseView c : found) {
            list.add(new ServiceRequest(
                    String.valueOf(c.id()),
                    status(c),
                    notes(c),
                    c.categoryName(),
                    c.category(),
                    c.description(),
                    c.unitName(),
                    null,
                    offset(c.receivedAt()),
                    offset(updated.getOrDefault(c.id(), c.receivedAt())),
                    c.due()
                            .atTime(LocalTime.MAX.withNano(0))
                            .atZone(clock.getZone())
                            .toOffsetDateTime(),
                    c.address(),
                    null,
                    null,
                    c.latitude(),
                    c.longitude(),
                    null));
        }
        return list;
    }

    private static String status(CaseView c) {
        return c.status().equals("CLOSED") || c.status().equals("MERGED") ? "closed" : "open";
    }

    /** The unit's answer once the case is closed; a merged case names the case it went into. */
    private static String notes(CaseView c) {
        if (c.status().equals("MERGED")) return "merged into " + c.mergedInto();
        return c.status().equals("CLOSED") ? c.answer() : null;
    }

    private OffsetDateTime offset(Instant at) {
        return at.atZone(clock.getZone()).toOffsetDateTime();
    }

    /** The unit named, or the outermost one where the key's user takes cases in. */
    private String unit(String jurisdiction) {
        if (jurisdiction != null && !jurisdiction.isBlank()) return jurisdiction.strip();
        return Access.grants().stream()
                .filter(g -> Cases.INTAKE.contains(g.role()) && g.orgUnitId() != null && g.path() != null)
                .min(java.util.Comparator.comparingInt(g -> g.path().length()))
                .map(g -> orgUnits.readable(g.orgUnitId()).code())
                .orElse(null);
    }

    private static String name(String first, String last) {
        String f = first == null ? "" : first.strip();
        String l = last == null ? "" : last.strip();
        if (f.isEmpty() && l.isEmpty()) return null;
        boolean han = (l + f).codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
        return han ? l + f : (f + " " + l).strip();
    }

    /** The case's field names in the spec's words. */
    private static InvalidInputException renamed(InvalidInputException e) {
        Map<String, String> names = Map.of(
                "category", "service_code",
                "unit", "jurisdiction_id",
                "reporterName", "first_name",
                "reporterPhone", "phone",
                "address", "address_string",
                "latitude", "lat",
                "longitude", "long");
        return new InvalidInputException(e.problems().stream()
                .map(p -> new org.dudao.shared.FieldProblem(
                        names.getOrDefault(p.field(), p.field()), p.message(), p.args()))
                .toList());
    }

    private static Double coordinate(Problems problems, String field, String text, int bound) {
        if (text == null || text.isBlank()) return null;
        try {
            double v = Double.parseDouble(text.strip());
            if (Double.isNaN(v) || v < -bound || v > bound) throw new NumberFormatException();
            return v;
        } catch (NumberFormatException e) {
            problems.add(field, "error.range", -bound, bound);
            return null;
        }
    }

    private static Instant time(Problems problems, String field, String text) {
        if (text == null || text.isBlank()) return null;
        try {
            Instant at = OffsetDateTime.parse(text.strip()).toInstant();
            if (!problems.saneDate(field, at.atZone(java.time.ZoneOffset.UTC).toLocalDate())) return null;
            return at;
        } catch (DateTimeParseException e) {
            problems.add(field, "cases.error.open311-time");
            return null;
        }
    }

    private static Set<Long> ids(Problems problems, String text) {
        if (text == null || text.isBlank()) return null;
        String[] parts = text.split(",");
        if (parts.length > MAX_IDS) {
            problems.add("service_request_id", "error.range", 1, MAX_IDS);
            return null;
        }
        Set<Long> ids = new HashSet<>();
        try {
            Arrays.stream(parts).map(String::strip).map(Long::valueOf).forEach(ids::add);
        } catch (NumberFormatException e) {
            problems.add("service_request_id", "cases.error.open311-ids");
        }
        return ids;
    }
}
