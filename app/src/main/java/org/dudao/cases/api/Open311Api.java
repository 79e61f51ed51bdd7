package org.dudao.cases.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import org.dudao.cases.internal.Open311;
import org.dudao.shared.ConflictException;
import org.dudao.shared.ForbiddenException;
import org.dudao.shared.InvalidInputException;
import org.dudao.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Open311 GeoReport v2 (JSON only: the XML format of the spec is omitted). Service discovery is open; requests
 * need {@code api_key}, a personal access token (dd_…) of a user who takes cases in, and reads see that user's
 * scope. Errors are the spec's array {@code [{"code":400,"description":"…"}]}.
 */
@RestController
@Tag(
        name = "Open311 GeoReport v2",
        description = "Cases as Open311 service requests, JSON only (the spec's XML format is omitted). api_key = a"
                + " personal access token of a user who takes cases in; errors as [{code, description}]")
class Open311Api {

    private static final Logger log = LoggerFactory.getLogger(Open311Api.class);

    private final Open311 open311;
    private final MessageSource messages;

    Open311Api(Open311 open311, MessageSource messages) {
        this.open311 = open311;
        this.messages = messages;
    }

    /** One error of the spec's error array. */
    record Error311(int code, String description) {}

    @GetMapping(value = "/open311/v2/services.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The services: one per case category (metadata false, no attributes); no api_key needed")
    List<Open311.Service311> services() {
        return open311.services();
    }

    @GetMapping(value = "/open311/v2/services/{serviceCode}.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A service's definition: its code and an empty attributes list")
    Open311.Definition service(@PathVariable String serviceCode) {
        return open311.service(serviceCode);
    }

    @PostMapping(
            value = "/open311/v2/requests.json",
            consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "File a service request (a case of channel ONLINE) form-encoded: service_code, description,"
                    + " address_string or lat and long, optional email, first_name, last_name, phone and"
                    + " jurisdiction_id (the unit's code; default the outermost unit where the key's user takes"
                    + " cases in). Answers [{service_request_id, service_notice, account_id}]")
    List<Open311.Created> create(
            @Parameter(description = "a personal access token") @RequestParam(value = "api_key", required = false)
                    String apiKey,
            @RequestParam(value = "jurisdiction_id", required = false) String jurisdictionId,
            @RequestParam(value = "service_code", required = false) String serviceCode,
            @RequestParam(required = false) String description,
            @RequestParam(value = "address_string", required = false) String addressString,
            @RequestParam(required = false) String lat,
            @RequestParam(value = "long", required = false) String lon,
            @RequestParam(required = false) String email,
            @RequestParam(value = "first_name", required = false) String firstName,
            @RequestParam(value = "last_name", required = false) String lastName,
            @RequestParam(required = false) String phone) {
        return List.of(open311.create(new Open311.NewRequest(
                jurisdictionId, serviceCode, description, addressString, lat, lon, email, firstName, lastName, phone)));
    }

    @GetMapping(value = "/open311/v2/requests.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Service requests in the key's scope, newest first (at most 1000): service_request_id (comma"
                    + " list) or the filters service_code, start_date and end_date (ISO-8601 with offset; default"
                    + " the last 90 days) and status open|closed")
    List<Open311.ServiceRequest> requests(
            @RequestParam(value = "api_key", required = false) String apiKey,
            @RequestParam(value = "service_request_id", required = false) String ids,
            @RequestParam(value = "service_code", required = false) String serviceCode,
            @RequestParam(value = "start_date", required = false) String startDate,
            @RequestParam(value = "end_date", required = false) String endDate,
            @RequestParam(required = false) String status) {
        return open311.requests(ids, serviceCode, startDate, endDate, status);
    }

    @GetMapping(value = "/open311/v2/requests/{serviceRequestId}.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One service request (as a list of one, as the spec has it)")
    List<Open311.ServiceRequest> request(
            @RequestParam(value = "api_key", required = false) String apiKey, @PathVariable String serviceRequestId) {
        return open311.request(serviceRequestId);
    }

    // ---- the spec's errors ------------------------------------------------------------------------------------

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<List<Error311>> invalid(InvalidInputException e, Locale locale) {
        return errors(
                HttpStatus.BAD_REQUEST,
                e.problems().stream()
                        .map(p -> p.field() + ": " + messages.getMessage(p.message(), p.args(), p.message(), locale))
                        .toList());
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<List<Error311>> notFound(NotFoundException e, Locale locale) {
        return errors(HttpStatus.NOT_FOUND, List.of(text("error.not-found", locale)));
    }

    @ExceptionHandler({ForbiddenException.class, AccessDeniedException.class})
    ResponseEntity<List<Error311>> forbidden(RuntimeException e, Locale locale) {
        return errors(HttpStatus.FORBIDDEN, List.of(text("error.forbidden", locale)));
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<List<Error311>> conflict(ConflictException e, Locale locale) {
        return errors(
                HttpStatus.CONFLICT, List.of(messages.getMessage(e.getMessage(), e.args(), e.getMessage(), locale)));
    }

    @ExceptionHandler(org.springframework.web.HttpMediaTypeNotSupportedException.class)
    ResponseEntity<List<Error311>> mediaType(Exception e, Locale locale) {
        return errors(HttpStatus.UNSUPPORTED_MEDIA_TYPE, List.of(text("error.media-type", locale)));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<List<Error311>> unexpected(Exception e, Locale locale) {
        log.error("unexpected Open311 error", e);
        return errors(HttpStatus.INTERNAL_SERVER_ERROR, List.of(text("error.internal", locale)));
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private static ResponseEntity<List<Error311>> errors(HttpStatus status, List<String> descriptions) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(descriptions.stream()
                        .map(d -> new Error311(status.value(), d))
                        .toList());
    }
}
