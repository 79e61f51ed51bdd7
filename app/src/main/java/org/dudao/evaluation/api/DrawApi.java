package org.dudao.evaluation.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.dudao.evaluation.internal.DrawRequest;
import org.dudao.evaluation.internal.DrawView;
import org.dudao.evaluation.internal.ExpertDraws;
import org.dudao.evaluation.internal.GroupBoard;
import org.dudao.evaluation.internal.OnsiteChecks;
import org.dudao.evaluation.internal.OnsiteRequest;
import org.dudao.evaluation.internal.OnsiteView;
import org.dudao.evaluation.internal.SampleRequest;
import org.dudao.evaluation.internal.SampleView;
import org.dudao.evaluation.internal.Sampling;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Drawing expert groups from the 专家库, sampling files for on-site checks (抽查) and recording the checks. */
@RestController
@RequestMapping("/api/projects/{project}")
@Tag(name = "评估项目 Evaluation projects")
class DrawApi {

    private final ExpertDraws draws;
    private final Sampling sampling;
    private final OnsiteChecks checks;

    DrawApi(ExpertDraws draws, Sampling sampling, OnsiteChecks checks) {
        this.draws = draws;
        this.sampling = sampling;
        this.checks = checks;
    }

    @GetMapping("/groups/{id}/draw")
    @Operation(summary = "A group's drawn experts with their answers, its recorded draws and its observers")
    GroupBoard board(@PathVariable String project, @PathVariable Long id) {
        return draws.board(project, id);
    }

    @PostMapping("/groups/{id}/draw")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Draw experts at random from the pools, leaving out conflicts of interest (home unit in the"
                    + " county of a school of the group); the same seed over the same pool draws the same experts")
    DrawView draw(@PathVariable String project, @PathVariable Long id, @RequestBody DrawRequest request) {
        return draws.draw(project, id, request);
    }

    record AnswerRequest(Long expert, String answer) {}

    @PostMapping("/groups/{id}/answer")
    @Operation(
            summary = "A drawn expert (or the office for them) answers CONFIRM or DECLINE; a decline leaves the group")
    GroupBoard answer(@PathVariable String project, @PathVariable Long id, @RequestBody AnswerRequest request) {
        return draws.answer(project, id, request.expert(), request.answer());
    }

    record ObserverRequest(String name, String role) {}

    @PostMapping("/groups/{id}/observers")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add an observer to a group: role NPC (人大代表) or CPPCC (政协委员); observers never score")
    GroupBoard observer(@PathVariable String project, @PathVariable Long id, @RequestBody ObserverRequest request) {
        return draws.addObserver(project, id, request.name(), request.role());
    }

    @GetMapping("/samples")
    @Operation(summary = "The on-site samples (抽查) of the levels the caller's office draws at")
    List<SampleView> samples(@PathVariable String project) {
        return sampling.list(project);
    }

    @PostMapping("/samples")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Sample files for on-site checks at a level (COUNTY or CITY): percent or count, stratified by"
                    + " township (at least one per township with files), reproducible from the recorded seed")
    SampleView sample(@PathVariable String project, @RequestBody SampleRequest request) {
        return sampling.sample(project, request);
    }

    @GetMapping("/evaluations/{orgUnit}/onsite")
    @Operation(summary = "The on-site checks of a file")
    List<OnsiteView> onsite(@PathVariable String project, @PathVariable String orgUnit) {
        return checks.list(project, orgUnit);
    }

    @PostMapping("/evaluations/{orgUnit}/onsite")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Record an on-site check of a sampled file: pupils counted against the stored enrolment, and"
                    + " corrections of reported figures (written to the data store with history, reason audited);"
                    + " the file is rescored")
    OnsiteView check(@PathVariable String project, @PathVariable String orgUnit, @RequestBody OnsiteRequest request) {
        return checks.record(project, orgUnit, request);
    }
}
