package org.dudao.shared;

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

    public String messageKey() {
        return "role." + name();
    }
}
