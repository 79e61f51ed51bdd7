package org.dudao.evaluation.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.dudao.evaluation.internal.ExpertDraws;
import org.dudao.evaluation.internal.ExpertPool;
import org.dudao.evaluation.internal.ExpertRequest;
import org.dudao.evaluation.internal.ExpertView;
import org.dudao.evaluation.internal.TrainingRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/experts")
@Tag(name = "专家库 Expert pool")
class ExpertApi {

    private final ExpertPool pool;
    private final ExpertDraws draws;

    ExpertApi(ExpertPool pool, ExpertDraws draws) {
        this.pool = pool;
        this.draws = draws;
    }

    @GetMapping("/invitations")
    @Operation(
            summary = "The caller's unanswered invitations as a drawn expert; answer with POST"
                    + " /api/projects/{project}/groups/{group}/answer")
    List<ExpertDraws.Invitation> invitations() {
        return draws.invitations();
    }

    @GetMapping
    @Operation(summary = "The experts kept by the offices the caller manages, optionally of one field (专业领域)")
    List<ExpertView> list(@RequestParam(required = false) String field) {
        return pool.list(field);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add an expert to a county or city office's pool (home unit decides conflicts of interest)")
    ExpertView create(@RequestBody ExpertRequest request) {
        return pool.create(request);
    }

    @GetMapping("/{id}")
    ExpertView get(@PathVariable Long id) {
        return pool.get(id);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change an expert; send the version read (409 when stale)")
    ExpertView update(@PathVariable Long id, @RequestBody ExpertRequest request) {
        return pool.update(id, request);
    }

    @PostMapping("/{id}/trainings")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a training the expert attended (date, course, hours)")
    ExpertView training(@PathVariable Long id, @RequestBody TrainingRequest request) {
        return pool.addTraining(id, request);
    }
}
