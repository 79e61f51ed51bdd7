package org.dudao.balance.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.dudao.balance.internal.BalanceFiles;
import org.dudao.balance.internal.BalanceView;
import org.dudao.balance.internal.Balances;
import org.dudao.balance.internal.WhatIf;
import org.dudao.shared.ExcelBook;
import org.dudao.shared.web.Downloads;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
    private final BalanceFiles files;

    BalanceApi(Balances balances, WhatIf whatIf, BalanceFiles files) {
        this.balances = balances;
        this.whatIf = whatIf;
        this.files = files;
    }

    @GetMapping
    @Operation(
            summary = "差异系数 of the eight indicators per stage for a node and year (default this year): weighted mean, "
                    + "S, CV (4 decimals), thresholds, each school's per-pupil value; 综合差异系数; counties ranked "
                    + "for a city")
    BalanceView balance(@RequestParam String unit, @RequestParam(required = false) Integer year) {
        return balances.balance(unit, year);
    }

    @GetMapping("/export.xlsx")
    @Operation(
            summary = "The balance as offices submit it: one sheet per stage, schools as rows, the eight indicators' "
                    + "per-pupil values as columns, the CV row and the 综合差异系数 at the bottom")
    ResponseEntity<byte[]> excel(@RequestParam String unit, @RequestParam(required = false) Integer year) {
        ExcelBook.File file = files.excel(unit, year);
        return Downloads.xlsx(file.name(), file.body());
    }

    @GetMapping("/summary.pdf")
    @Operation(summary = "A PDF summary: the CV table per stage with 达到/未达到 and the earlier years")
    ResponseEntity<byte[]> pdf(@RequestParam String unit, @RequestParam(required = false) Integer year) {
        byte[] body = files.pdf(unit, year);
        return Downloads.file("balance-" + year + ".pdf", MediaType.APPLICATION_PDF, body);
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
