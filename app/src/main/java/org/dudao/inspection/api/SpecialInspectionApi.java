package org.dudao.inspection.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.List;
import org.dudao.evidence.EvidenceView;
import org.dudao.inspection.CheckRequest;
import org.dudao.inspection.SpecialInspectionRequest;
import org.dudao.inspection.SpecialInspectionView;
import org.dudao.inspection.SpecialInspections;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "专项督查 Special inspections and 回头看")
class SpecialInspectionApi {

    private final SpecialInspections special;

    SpecialInspectionApi(SpecialInspections special) {
        this.special = special;
    }

    @GetMapping("/api/special-inspections")
    @Operation(summary = "Special inspections the caller sees something of, with progress; newest first")
    List<SpecialInspectionView> list() {
        return special.list();
    }

    @PostMapping("/api/special-inspections")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "The county's office launches a 专项督查 (kind SPECIAL) or 回头看 (REVISIT): checklist from a"
                    + " scheme (scored, pass line) or supervision items (rated), deadline, schools by kinds,"
                    + " townships and plaqueSince (plaque holders since that year)")
    SpecialInspectionView launch(@RequestBody SpecialInspectionRequest request) {
        return special.launch(request);
    }

    @GetMapping("/api/special-inspections/{id}")
    @Operation(summary = "A special inspection with the checks the caller may see (an inspector: theirs)")
    SpecialInspectionView get(@PathVariable Long id) {
        return special.get(id);
    }

    record AssignmentRequest(String school, Long inspector) {}

    @PostMapping("/api/special-inspections/{id}/assignments")
    @Operation(
            summary = "交叉督导: the office gives a school's check to any inspector of the county; outside the"
                    + " school's zone it is marked crossZone and that inspector then sees the school for it")
    SpecialInspectionView.Check assign(@PathVariable Long id, @RequestBody AssignmentRequest request) {
        return special.assign(
                id, request == null ? null : request.school(), request == null ? null : request.inspector());
    }

    @GetMapping("/api/special-inspections/{id}/checks/{school}")
    SpecialInspectionView.Check check(@PathVariable Long id, @PathVariable String school) {
        return special.check(id, school);
    }

    @PostMapping("/api/special-inspections/{id}/checks/{school}")
    @Operation(
            summary = "Results per checklist item (rating 好/较好/一般/差, or score), findings and photos; submit:true"
                    + " closes the check: a failed one opens rectification items (source INSPECTION)")
    SpecialInspectionView.Check record(
            @PathVariable Long id, @PathVariable String school, @RequestBody CheckRequest request) {
        return special.record(id, school, request);
    }

    @PostMapping(
            value = "/api/special-inspections/{id}/checks/{school}/photos",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A photo (PNG or JPEG) for a check, stored as the school's evidence")
    EvidenceView photo(@PathVariable Long id, @PathVariable String school, @RequestPart("file") MultipartFile file)
            throws IOException {
        return special.photo(id, school, file.getInputStream(), file.getOriginalFilename());
    }

    record RecheckRequest(Boolean passed, String note) {}

    @PostMapping("/api/special-inspections/{id}/checks/{school}/recheck")
    @Operation(summary = "The re-check of a failed school after its rectification: passed true/false and a note")
    SpecialInspectionView.Check recheck(
            @PathVariable Long id, @PathVariable String school, @RequestBody RecheckRequest request) {
        return special.recheck(
                id, school, request == null ? null : request.passed(), request == null ? null : request.note());
    }

    record RevokeRequest(String reason) {}

    @PostMapping("/api/plaques/{schoolCode}/revoke")
    @Operation(
            summary = "摘牌: the office revokes the plaque of a school that failed a 回头看 and its re-check, with a"
                    + " reason; shown on the public plaque page and the school's history")
    SpecialInspectionView.Revocation revoke(@PathVariable String schoolCode, @RequestBody RevokeRequest request) {
        return special.revoke(schoolCode, request == null ? null : request.reason());
    }
}
