package org.dudao.collection.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.dudao.collection.internal.Consistency;
import org.dudao.collection.internal.Mismatch;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "县乡一致 Consistency")
class ConsistencyApi {

    private final Consistency consistency;

    ConsistencyApi(Consistency consistency) {
        this.consistency = consistency;
    }

    record Report(String orgUnit, String period, List<Mismatch> mismatches) {}

    @GetMapping("/api/consistency")
    @Operation(summary = "Every reported parent value in the subtree that differs from the sum of its children")
    Report check(@RequestParam String orgUnit, @RequestParam String period) {
        return new Report(orgUnit, period, consistency.check(orgUnit, period));
    }
}
