package org.dudao.cases.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.dudao.cases.internal.CaseView;
import org.dudao.cases.internal.Households;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "民情联系 Households")
class HouseholdApi {

    private final Households households;

    HouseholdApi(Households households) {
        this.households = households;
    }

    @GetMapping("/api/households")
    @Operation(summary = "The caller's own households (民情联系户), and for the office every household under its units")
    List<Households.HouseholdView> list() {
        return households.list();
    }

    @PostMapping("/api/households")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Link a household or contact to the caller: name, address, phone, village, unit (code)")
    Households.HouseholdView create(@RequestBody Households.HouseholdRequest request) {
        return households.create(request);
    }

    @GetMapping("/api/households/{household}")
    @Operation(summary = "A household with its visit diary (民情日记), newest first")
    Households.HouseholdView get(@PathVariable Long household) {
        return households.get(household);
    }

    @PutMapping("/api/households/{household}")
    @Operation(summary = "Change a household (its cadre only); version optional (409 when stale)")
    Households.HouseholdView update(@PathVariable Long household, @RequestBody Households.HouseholdRequest request) {
        return households.update(household, request);
    }

    @PostMapping("/api/households/{household}/visits")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Log a visit (its cadre only): visitedOn (default today, not in the future), raised")
    Households.VisitView visit(@PathVariable Long household, @RequestBody Households.VisitRequest request) {
        return households.visit(household, request);
    }

    @PostMapping("/api/household-visits/{householdVisit}/case")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "What was raised on a visit becomes a case of channel VISIT (民情走访) in one step: category,"
                    + " optional description (default the raised text) and unit (default the household's); the"
                    + " household is the reporter. Once per visit (409)")
    CaseView raise(@PathVariable Long householdVisit, @RequestBody(required = false) Households.RaiseRequest request) {
        return households.raise(householdVisit, request);
    }
}
