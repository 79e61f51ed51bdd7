package org.dudao.balance.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.dudao.balance.internal.BalanceView;
import org.dudao.balance.internal.Balances;
import org.dudao.balance.internal.WhatIf;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/balance")
@Tag(name = "均衡发展 Balance")
class BalanceApi {

    private final Balances balances;
    private final WhatIf whatIf;

    BalanceApi(Balances balances, WhatIf whatIf) {
        this.balances = balances;
        this.whatIf = whatIf;
    }

    @GetMapping
    @Operation(
            summary = "差异系数 of the eight indicators per stage for a node and year (default this year): weighted mean, "
                    + "S, CV (4 decimals), thresholds, each school's per-pupil value; 综合差异系数; counties ranked "
                    + "for a city")
    BalanceView balance(@RequestParam(required = false) String unit, @RequestParam(required = false) Integer year) {
        return balances.balance(unit, year);
    }

    @PostMapping("/what-if")
    @Operation(
            summary = "The allocation of a budget (in the indicator's unit) across a stage's schools that lowers the "
                    + "indicator's CV most, the CV before and after, and the smallest additions reaching the "
                    + "基本/优质均衡 thresholds; nothing is saved")
    WhatIf.Result whatIf(@RequestBody WhatIf.Request request) {
        return whatIf.run(request);
    }
}
