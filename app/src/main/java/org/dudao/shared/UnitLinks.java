package org.dudao.shared;

import java.util.List;

/**
 * What a feature shows on a unit's page (its evaluation files, its rectification items …): each feature declares
 * a bean, so the unit page links everything about the unit without depending on the features. The caller has
 * checked that the user may read the unit; a section lists only what the user may see of it.
 */
public interface UnitLinks {

    /** This feature's section for the unit, or null when it has nothing to show. */
    Section section(String unitCode);

    /**
     * A titled list of links on the unit page, in {@code order}; {@code all} leads to the whole list (null: the
     * links are the whole list), {@code total} how many there are in all.
     */
    record Section(String id, String titleKey, int order, List<Link> links, long total, String all) {

        public Section {
            links = List.copyOf(links);
        }
    }

    /** One thing about the unit: its text, a short note (a state, a deadline; localised), where it is. */
    record Link(String text, String note, String href, boolean warn) {}
}
