package org.dudao.evaluation.internal;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import org.dudao.evaluation.Phase;
import org.dudao.shared.Grant;
import org.dudao.shared.Role;

/**
 * The capacities a user holds towards one school, from where their grants sit (a named rule, kept free of Spring
 * so it is tested on its own). Owners and approving bodies are the 督导室 directors at exactly that level (the
 * leading groups act through them); a system administrator covering the school holds every capacity. Group
 * leadership comes from the expert groups and is added by the caller.
 */
public final class Hats {

    private Hats() {}

    public static Set<Hat> of(Collection<Grant> grants, Place place) {
        Set<Hat> hats = EnumSet.noneOf(Hat.class);
        for (Grant g : grants) {
            if (!g.covers(place.school())) {
                continue;
            }
            if (g.role() == Role.ADMIN) {
                hats.addAll(EnumSet.of(
                        Hat.SCHOOL_CLERK,
                        Hat.SCHOOL_HEAD,
                        Hat.TOWNSHIP,
                        Hat.COUNTY_OWNER,
                        Hat.CITY_OWNER,
                        Hat.PROVINCE_OWNER,
                        Hat.COUNTY_BODY,
                        Hat.CITY_BODY,
                        Hat.PROVINCE_BODY));
                continue;
            }
            String at = g.path();
            if (at == null) {
                continue;
            }
            if (at.equals(place.school())) {
                if (g.role() == Role.CLERK) hats.add(Hat.SCHOOL_CLERK);
                if (g.role() == Role.HEAD) hats.add(Hat.SCHOOL_HEAD);
                // a county or township under evaluation reports through its own office (督政: 县级自评)
                if (g.role() == Role.DIRECTOR) {
                    hats.add(Hat.SCHOOL_CLERK);
                    hats.add(Hat.SCHOOL_HEAD);
                }
            }
            if (place.township() != null
                    && at.equals(place.township())
                    && (g.role() == Role.CLERK || g.role() == Role.HEAD || g.role() == Role.DIRECTOR)) {
                hats.add(Hat.TOWNSHIP);
            }
            if (g.role() == Role.DIRECTOR && at.equals(place.county())) {
                hats.add(Hat.COUNTY_OWNER);
                hats.add(Hat.COUNTY_BODY);
            }
            if (g.role() == Role.DIRECTOR && at.equals(place.city())) {
                hats.add(Hat.CITY_OWNER);
                hats.add(Hat.CITY_BODY);
            }
            if (g.role() == Role.DIRECTOR && at.equals(place.province())) {
                hats.add(Hat.PROVINCE_OWNER);
                hats.add(Hat.PROVINCE_BODY);
            }
        }
        return hats;
    }

    /**
     * Whether an expert grant lets the user score at this level: county experts sit in the county, city ones above
     * it, province ones above the city.
     */
    public static boolean expertAt(Collection<Grant> grants, Place place, Phase level) {
        for (Grant g : grants) {
            if (g.role() == Role.ADMIN && g.covers(place.school())) {
                return true;
            }
            if (g.role() != Role.EXPERT || g.path() == null || !g.covers(place.school())) {
                continue;
            }
            boolean inCounty = place.county() != null && g.path().startsWith(place.county());
            if (level == Phase.COUNTY && inCounty) return true;
            boolean inCity = place.city() != null && g.path().startsWith(place.city());
            if (level == Phase.CITY && !inCounty) return true;
            if (level == Phase.PROVINCE && !inCity) return true;
        }
        return false;
    }
}
