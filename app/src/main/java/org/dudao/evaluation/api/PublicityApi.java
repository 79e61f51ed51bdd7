package org.dudao.evaluation.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.dudao.evaluation.Evaluations;
import org.dudao.evaluation.ObjectionView;
import org.dudao.evaluation.internal.PublicEntry;
import org.dudao.evaluation.internal.PublicProject;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** 公示 without login: the schools under publicity and the objection channel. */
@RestController
@RequestMapping("/api/public/projects")
@Tag(name = "公示 Publicity (public)")
class PublicityApi {

    private final Evaluations evaluations;

    PublicityApi(Evaluations evaluations) {
        this.evaluations = evaluations;
    }

    record Publicity(PublicProject project, List<PublicEntry> schools) {}

    @GetMapping("/{project}/publicity")
    @Operation(summary = "Schools of a project under 公示, with scores, grades and the end of the period")
    Publicity publicity(@PathVariable String project) {
        return new Publicity(evaluations.publicProject(project), evaluations.publicity(project));
    }

    record ObjectionRequest(Long evaluation, String body, String contact) {}

    @PostMapping("/{project}/objections")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Raise an objection (异议) against a school under 公示")
    ObjectionView object(@PathVariable String project, @RequestBody ObjectionRequest request) {
        return evaluations.object(project, request.evaluation(), request.body(), request.contact());
    }
}
