package org.dudao.org.internal;

import java.time.Clock;
import java.time.Year;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.dudao.org.Enrolments;
import org.dudao.org.OrgUnitView;
import org.springframework.stereotype.Component;

/** Builds what the API and screens show of units, in bulk: one query for the codes along the paths, one for enrolments. */
@Component
public class OrgViews {

    private final OrgUnitRepository units;
    private final Enrolments enrolments;
    private final Clock clock;

    OrgViews(OrgUnitRepository units, Enrolments enrolments, Clock clock) {
        this.units = units;
        this.enrolments = enrolments;
        this.clock = clock;
    }

    public OrgUnitView view(OrgUnit unit) {
        return views(List.of(unit)).get(0);
    }

    public List<OrgUnitView> views(List<OrgUnit> list) {
        if (list.isEmpty()) {
            return List.of();
        }
        Set<Long> pathIds =
                list.stream().flatMap(u -> idsOf(u.getPath()).stream()).collect(Collectors.toSet());
        Map<Long, String> codes = new HashMap<>();
        units.findAllById(pathIds).forEach(u -> codes.put(u.getId(), u.getCode()));
        List<Long> ids = list.stream().map(OrgUnit::getId).toList();
        Map<Long, Enrolments.Dated> enrol = enrolments.of(
                list.stream().map(OrgUnit::toRef).toList(),
                String.valueOf(Year.now(clock).getValue()));
        Set<Long> withChildren = units.findParentsAmong(ids);
        List<OrgUnitView> views = new ArrayList<>(list.size());
        for (OrgUnit u : list) {
            String codePath = idsOf(u.getPath()).stream().map(codes::get).collect(Collectors.joining("/", "/", "/"));
            Enrolments.Dated enrolment = enrol.get(u.getId());
            views.add(new OrgUnitView(
                    u.getId(),
                    u.getCode(),
                    u.getName(),
                    u.getKind().label(),
                    u.getParentId() == null ? null : codes.get(u.getParentId()),
                    codePath,
                    u.getAddress(),
                    u.getContactPerson(),
                    u.getContactPhone(),
                    u.getSortOrder(),
                    enrolment.enrolment(),
                    enrolment.year(),
                    withChildren.contains(u.getId()),
                    u.getVersion()));
        }
        return views;
    }

    /** The ids along a materialised path, root first. */
    public static List<Long> idsOf(String path) {
        return Arrays.stream(path.split("/"))
                .filter(s -> !s.isEmpty())
                .map(Long::valueOf)
                .toList();
    }
}
