package org.dudao.collection.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.dudao.collection.CollectionTasks;
import org.dudao.collection.NewTask;
import org.dudao.collection.TaskView;
import org.dudao.collection.internal.FormInput;
import org.dudao.collection.internal.MyAssignment;
import org.dudao.collection.internal.Progress;
import org.dudao.collection.internal.TaskBoard;
import org.dudao.collection.internal.TaskReminders;
import org.dudao.collection.internal.UnitForm;
import org.dudao.collection.internal.UnitForms;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/collection")
@Tag(name = "填报任务 Collection tasks")
class CollectionTaskApi {

    private final CollectionTasks tasks;
    private final TaskBoard board;
    private final TaskReminders reminders;
    private final UnitForms forms;

    CollectionTaskApi(CollectionTasks tasks, TaskBoard board, TaskReminders reminders, UnitForms forms) {
        this.tasks = tasks;
        this.board = board;
        this.reminders = reminders;
        this.forms = forms;
    }

    @PostMapping("/tasks")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Issue a task: a form sent to the units of a subtree (optionally some kinds) for a period")
    TaskView create(@RequestBody NewTask task) {
        return tasks.create(task);
    }

    @GetMapping("/tasks")
    @Operation(summary = "Tasks issued in the caller's scope or sent to units of theirs")
    List<TaskView> list() {
        return board.list();
    }

    @GetMapping("/my-forms")
    @Operation(summary = "The forms the caller fills in, with status and reminders")
    List<MyAssignment> mine() {
        return board.mine();
    }

    @GetMapping("/tasks/{id}")
    TaskView get(@PathVariable Long id) {
        return board.get(id);
    }

    @GetMapping("/tasks/{id}/progress")
    @Operation(summary = "Counts per status and one row per unit in scope; overdue units flagged")
    Progress progress(@PathVariable Long id) {
        return board.progress(id);
    }

    record RemindRequest(String orgUnit, String message) {}

    @PostMapping("/tasks/{id}/remind")
    @Operation(summary = "Remind one unit, or every unit in scope that has not submitted")
    Map<String, Integer> remind(@PathVariable Long id, @RequestBody(required = false) RemindRequest request) {
        RemindRequest r = request == null ? new RemindRequest(null, null) : request;
        return Map.of("reminded", reminders.remind(id, r.orgUnit(), r.message()));
    }

    @GetMapping("/tasks/{id}/units/{code}")
    @Operation(summary = "A unit's form, prefilled from the stored values, with last period's values and versions")
    UnitForm form(@PathVariable Long id, @PathVariable String code) {
        return forms.form(id, code);
    }

    @PutMapping("/tasks/{id}/units/{code}")
    @Operation(summary = "Save a draft (type and range checked; send the versions read to detect conflicts)")
    UnitForm save(@PathVariable Long id, @PathVariable String code, @RequestBody FormInput input) {
        return forms.saveDraft(id, code, input);
    }

    @PostMapping("/tasks/{id}/units/{code}/submit")
    @Operation(summary = "Submit: every rule checked, data locked; parents with mismatches need an explanation")
    UnitForm submit(@PathVariable Long id, @PathVariable String code, @RequestBody(required = false) FormInput input) {
        return forms.submit(id, code, input);
    }

    record ReturnRequest(String reason) {}

    @PostMapping("/tasks/{id}/units/{code}/return")
    @Operation(summary = "Return a submitted form for changes, with a reason (reviewers of the unit's parent)")
    UnitForm returnForm(@PathVariable Long id, @PathVariable String code, @RequestBody ReturnRequest request) {
        return forms.returnForChanges(id, code, request.reason());
    }

    @PostMapping("/tasks/{id}/units/{code}/approve")
    @Operation(summary = "Approve a submitted form (reviewers of the unit's parent)")
    UnitForm approve(@PathVariable Long id, @PathVariable String code) {
        return forms.approve(id, code);
    }
}
