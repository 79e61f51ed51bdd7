package org.dudao.inspection.internal;

import java.util.ArrayList;
import java.util.List;
import org.dudao.inspection.SpecialInspections;
import org.dudao.shared.UnitLinks;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** The school's history of 专项督查 and 回头看 on the unit page, its 摘牌 first (marked), newest first. */
@Component
class SpecialInspectionUnitLinks implements UnitLinks {

    /** How many checks the unit page lists. */
    static final int SHOWN = 10;

    private final SpecialInspections special;
    private final MessageSource messages;

    SpecialInspectionUnitLinks(SpecialInspections special, MessageSource messages) {
        this.special = special;
        this.messages = messages;
    }

    @Override
    public Section section(String unitCode) {
        List<SpecialInspections.SchoolCheck> checks = special.history(unitCode);
        if (checks.isEmpty()) {
            return null;
        }
        List<Link> links = new ArrayList<>();
        checks.stream()
                .filter(c -> c.revocation() != null)
                .map(c -> c.school())
                .distinct()
                .forEach(school -> {
                    var c = checks.stream()
                            .filter(x -> x.school().equals(school) && x.revocation() != null)
                            .findFirst()
                            .orElseThrow();
                    links.add(new Link(
                            c.schoolName() + " · " + text("inspection.revoked.badge"),
                            c.revocation().reason(),
                            "/public/plaques/" + school,
                            true));
                });
        checks.stream()
                .limit(SHOWN)
                .forEach(c -> links.add(new Link(
                        c.title(),
                        (c.school().equals(unitCode) ? "" : c.schoolName() + " · ")
                                + text("inspection.special.kind." + c.kind())
                                + " · "
                                + text("inspection.special.check." + c.status())
                                + (c.passed() == null
                                        ? ""
                                        : " · "
                                                + text(
                                                        c.passed()
                                                                ? "inspection.special.passed"
                                                                : "inspection.special.failed"))
                                + (c.recheckPassed() == null
                                        ? ""
                                        : " · "
                                                + text(
                                                        c.recheckPassed()
                                                                ? "inspection.special.recheck-passed"
                                                                : "inspection.special.recheck-failed")),
                        "/inspection/special/" + c.inspection() + "/checks/" + c.school(),
                        Boolean.FALSE.equals(c.passed()))));
        return new Section(
                "unit-special-inspection",
                "inspection.special.history",
                40,
                links,
                checks.size(),
                "/inspection/special");
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
