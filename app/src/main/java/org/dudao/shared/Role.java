package org.dudao.shared;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** Roles from SPEC §1. A user holds a role at an org node; its scope is that node's subtree. */
public enum Role {
    ADMIN, // 系统管理员
    DIRECTOR, // 督导室主任/项目管理员
    EXPERT, // 评估专家
    INSPECTOR, // 责任督学
    CLERK, // 单位填报员
    HEAD, // 单位负责人
    LEADER, // 领导 (read only)
    PUBLIC; // 公众

    /** Roles that may read internal data inside their scope. */
    public static final Set<Role> STAFF = EnumSet.complementOf(EnumSet.of(PUBLIC));

    /**
     * The supervision office (督导室) of a node: manages the org tree, the item catalogue, schemes, projects and
     * expert groups, issues collection tasks, supervises and closes rectification items.
     */
    public static final Set<Role> OFFICE = Collections.unmodifiableSet(EnumSet.of(ADMIN, DIRECTOR));

    /** Who enters a unit's data: its forms, batches, imports, self-evaluation and evidence. */
    public static final Set<Role> DATA_ENTRY = Collections.unmodifiableSet(EnumSet.of(ADMIN, DIRECTOR, CLERK, HEAD));

    /** Who reviews what a subordinate unit submitted (a township's clerk reviews its schools' forms). */
    public static final Set<Role> DATA_REVIEW = Collections.unmodifiableSet(EnumSet.of(ADMIN, DIRECTOR, CLERK));

    /** Who reads reports and dashboards: offices, administrators, leaders and inspectors covering the unit. */
    public static final Set<Role> REPORT_READERS =
            Collections.unmodifiableSet(EnumSet.of(ADMIN, DIRECTOR, LEADER, INSPECTOR));

    public String messageKey() {
        return "role." + name();
    }
}
