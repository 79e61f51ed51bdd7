package org.dudao.inspection;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.dudao.inspection.internal.InspectorRepository;
import org.dudao.inspection.internal.Visit;
import org.dudao.inspection.internal.VisitRepository;
import org.dudao.inspection.internal.ZoneSchool;
import org.dudao.inspection.internal.ZoneSchoolRepository;
import org.dudao.org.OrgUnitRef;
import org.dudao.org.OrgUnits;
import org.dudao.rectification.ItemFilter;
import org.dudao.rectification.ItemView;
import org.dudao.rectification.RectificationSource;
import org.dudao.rectification.Rectifications;
import org.dudao.shared.Access;
import org.dudao.shared.ForbiddenException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 复核销号 by inspectors: the rectification items opened from inspection findings that the signed-in inspector
 * reviews — those they found (their visits) and those of the schools they are responsible for. Once the school has
 * reported (待复核), the inspector closes the item (销号) or sends it back (退回) through {@link Rectifications};
 * the office keeps its own review on the rectification screens.
 */
@Service
public class Rechecks {

    private final Rectifications rectifications;
    private final InspectorRepository inspectors;
    private final VisitRepository visits;
    private final ZoneSchoolRepository zoneSchools;
    private final OrgUnits orgUnits;

    Rechecks(
            Rectifications rectifications,
            InspectorRepository inspectors,
            VisitRepository visits,
            ZoneSchoolRepository zoneSchools,
            OrgUnits orgUnits) {
        this.rectifications = rectifications;
        this.inspectors = inspectors;
        this.visits = visits;
        this.zoneSchools = zoneSchools;
        this.orgUnits = orgUnits;
    }

    /** The items the user reviews as inspector, optionally of one status (e.g. REVIEW, OPEN). */
    @Transactional(readOnly = true)
    public List<ItemView> mine(String status) {
        Reviewer me = reviewer();
        if (me.isEmpty()) return List.of();
        return rectifications
                .list(new ItemFilter(null, status, null, RectificationSource.INSPECTION.name(), null, null, null))
                .stream()
                .filter(me::reviews)
                .toList();
    }

    /** 销号: the school's work is accepted. */
    @Transactional
    public ItemView close(Long itemId, String note) {
        requireReviewer(itemId);
        return rectifications.closeAsInspector(itemId, note);
    }

    /** 退回: the school must go on, for the reason given. */
    @Transactional
    public ItemView sendBack(Long itemId, String reason) {
        requireReviewer(itemId);
        return rectifications.rejectAsInspector(itemId, reason);
    }

    /** Whether the user reviews this item as inspector (the screens' buttons). */
    @Transactional(readOnly = true)
    public boolean reviews(ItemView item) {
        return reviewer().reviews(item);
    }

    private void requireReviewer(Long itemId) {
        ItemView item = rectifications.get(itemId); // 404 outside the user's scope
        if (!reviewer().reviews(item)) throw new ForbiddenException("error.forbidden");
    }

    private Reviewer reviewer() {
        Set<Long> mine = new HashSet<>();
        inspectors.findByUsernameOrderByIdAsc(Access.currentUsername()).forEach(i -> mine.add(i.getId()));
        Set<String> visitRefs = new HashSet<>();
        Set<String> schools = new HashSet<>();
        if (!mine.isEmpty()) {
            visits.findByInspectorIdIn(mine).stream().map(Visit::getId).forEach(id -> visitRefs.add("VISIT-" + id));
            List<Long> ids = mine.stream()
                    .flatMap(i -> zoneSchools.findByInspectorId(i).stream())
                    .map(ZoneSchool::getSchoolId)
                    .toList();
            orgUnits.refs(ids).values().stream().map(OrgUnitRef::code).forEach(schools::add);
        }
        return new Reviewer(mine, visitRefs, schools);
    }

    private record Reviewer(Set<Long> inspectors, Set<String> visitRefs, Set<String> schools) {

        boolean isEmpty() {
            return inspectors.isEmpty();
        }

        boolean reviews(ItemView item) {
            return RectificationSource.INSPECTION.name().equals(item.source())
                    && (visitRefs.contains(item.sourceRef()) || schools.contains(item.orgUnit()));
        }
    }
}
