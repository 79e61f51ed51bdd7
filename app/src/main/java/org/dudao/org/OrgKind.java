package org.dudao.org;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** Kinds of org unit with their Chinese labels (the labels are the API and Excel vocabulary). */
public enum OrgKind {
    PROVINCE("省", Level.PROVINCE),
    CITY("市", Level.CITY),
    COUNTY("县", Level.COUNTY),
    DISTRICT("区", Level.COUNTY),
    TOWNSHIP("乡镇", Level.TOWNSHIP),
    SUBDISTRICT("街道", Level.TOWNSHIP),
    PRIMARY("小学", Level.UNIT),
    JUNIOR("初中", Level.UNIT),
    NINE_YEAR("九年一贯制学校", Level.UNIT),
    COMPLETE_SECONDARY("完全中学", Level.UNIT),
    SENIOR("高中", Level.UNIT),
    VOCATIONAL("职高", Level.UNIT),
    KINDERGARTEN("幼儿园", Level.UNIT),
    DEPARTMENT("部门", Level.UNIT),
    COMMUNITY("社区", Level.UNIT),
    VILLAGE("村", Level.UNIT),
    PARTY_BRANCH("党支部", Level.UNIT);

    /** Levels of the tree; a unit sits under a township, or directly under a county or city (县属/市直). */
    public enum Level {
        PROVINCE,
        CITY,
        COUNTY,
        TOWNSHIP,
        UNIT
    }

    private static final Set<OrgKind> SCHOOLS =
            EnumSet.of(PRIMARY, JUNIOR, NINE_YEAR, COMPLETE_SECONDARY, SENIOR, VOCATIONAL, KINDERGARTEN);

    private final String label;
    private final Level level;

    OrgKind(String label, Level level) {
        this.label = label;
        this.level = level;
    }

    public String label() {
        return label;
    }

    public Level level() {
        return level;
    }

    public boolean isSchool() {
        return SCHOOLS.contains(this);
    }

    /** Accepts the Chinese label or the enum name. */
    public static Optional<OrgKind> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim();
        return Arrays.stream(values())
                .filter(k -> k.label.equals(t) || k.name().equalsIgnoreCase(t))
                .findFirst();
    }

    /** Whether a unit of this kind may sit directly under a unit of {@code parent} kind (null: the root). */
    public boolean mayBeChildOf(OrgKind parent) {
        if (parent == null) {
            return level == Level.PROVINCE;
        }
        return switch (level) {
            case PROVINCE -> false;
            case CITY -> parent.level == Level.PROVINCE;
            case COUNTY -> parent.level == Level.CITY;
            case TOWNSHIP -> parent.level == Level.COUNTY;
            case UNIT ->
                parent.level == Level.TOWNSHIP
                        || parent.level == Level.COUNTY
                        || parent.level == Level.CITY
                        || (this == PARTY_BRANCH && parent.level == Level.UNIT);
        };
    }
}
