package org.dudao.home.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.dudao.home.internal.Workbench;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "工作台 Workbench")
class TodoApi {

    private final Workbench workbench;

    TodoApi(Workbench workbench) {
        this.workbench = workbench;
    }

    @GetMapping("/api/me/todos")
    @Operation(
            summary = "What waits for the caller (待办): forms to fill or review, files to sign, score or approve,"
                    + " objections to answer, rectification items due or overdue; overdue first, then by deadline")
    List<Workbench.Item> todos() {
        return workbench.todos();
    }
}
