package org.dudao.evaluation.internal;

/**
 * Where an evaluated unit sits: its own path ({@code school}, also for a county, township or party branch) and
 * those of its township (null for a 县属 school or a unit above townships), county, city and province. The
 * capacities of a user towards the unit follow from these.
 */
public record Place(String school, String township, String county, String city, String province) {

    public Place(String school, String township, String county, String city) {
        this(school, township, county, city, null);
    }

    /** The path of the office that owns a review level for this unit (null if the unit has none above). */
    public String at(org.dudao.evaluation.Phase level) {
        return switch (level) {
            case COUNTY -> county;
            case CITY -> city;
            case PROVINCE -> province;
            default -> null;
        };
    }
}
