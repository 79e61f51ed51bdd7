package org.dudao.inspection.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.List;
import org.dudao.inspection.InspectorRequest;
import org.dudao.inspection.InspectorView;
import org.dudao.inspection.Inspectors;
import org.dudao.inspection.ZoneRequest;
import org.dudao.inspection.ZoneView;
import org.dudao.inspection.Zones;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "责任督学 Inspectors and zones")
class InspectorApi {

    private final Inspectors inspectors;
    private final Zones zones;

    InspectorApi(Inspectors inspectors, Zones zones) {
        this.inspectors = inspectors;
        this.zones = zones;
    }

    @GetMapping("/api/inspectors")
    @Operation(
            summary = "Inspectors of the offices in the caller's scope (or of one office), flagged when their"
                    + " certificate expired or their term ended")
    List<InspectorView> list(@RequestParam(required = false) String unit) {
        return inspectors.list(unit);
    }

    @PostMapping("/api/inspectors")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add an inspector to a county's or city's office")
    InspectorView create(@RequestBody InspectorRequest request) {
        return inspectors.create(request);
    }

    @GetMapping("/api/inspectors/{id}")
    InspectorView get(@PathVariable Long id) {
        return inspectors.get(id);
    }

    @PutMapping("/api/inspectors/{id}")
    @Operation(summary = "Change an inspector (send the version read; a stale one → 409)")
    InspectorView update(@PathVariable Long id, @RequestBody InspectorRequest request) {
        return inspectors.update(id, request);
    }

    @PostMapping(value = "/api/inspectors/{id}/photo", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "The plaque photo (PNG or JPEG)")
    InspectorView photo(@PathVariable Long id, @RequestPart("file") MultipartFile file) throws IOException {
        return inspectors.photo(id, file.getInputStream(), file.getOriginalFilename());
    }

    @GetMapping("/api/zones")
    @Operation(summary = "督学责任区 of the counties in the caller's scope (or of one county)")
    List<ZoneView> zones(@RequestParam(required = false) String unit) {
        return zones.list(unit);
    }

    @PostMapping("/api/zones")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Create a zone: schools of one county (at most the configured number, 400 naming"
                    + " `schools` above it), a lead inspector and the responsible inspector of each school")
    ZoneView createZone(@RequestBody ZoneRequest request) {
        return zones.create(request);
    }

    @GetMapping("/api/zones/{code}")
    ZoneView zone(@PathVariable String code) {
        return zones.get(code);
    }

    @PutMapping("/api/zones/{code}")
    @Operation(summary = "Change a zone; without `assignments` the schools keep their inspectors")
    ZoneView updateZone(@PathVariable String code, @RequestBody ZoneRequest request) {
        return zones.update(code, request);
    }

    @PostMapping("/api/zones/{code}/suggestion")
    @Operation(
            summary =
                    "Give each school of the zone without an inspector the least loaded one, township by" + " township")
    ZoneView suggest(@PathVariable String code) {
        return zones.suggest(code);
    }
}
