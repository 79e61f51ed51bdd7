package org.dudao.inspection.internal;

import org.dudao.shared.IssuingOffices;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * 期号 of the briefings, one gapless sequence per office and year, counted like the 文号 by
 * {@link IssuingOffices#nextCount} under a key of their own: two nodes never hand out one number twice and a
 * briefing that is not issued gives its number back.
 */
@Component
public class BriefingNumbers {

    private final IssuingOffices offices;

    BriefingNumbers(IssuingOffices offices) {
        this.offices = offices;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public int next(String officeCode, int year) {
        return offices.nextCount("BRIEF:" + officeCode, year);
    }
}
