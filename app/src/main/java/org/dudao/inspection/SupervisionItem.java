package org.dudao.inspection;

import java.util.Arrays;
import java.util.Optional;

/** The eight supervision items of a plaque and a visit (SPEC §7: 校务管理 … 校风学风); labels in the bundles. */
public enum SupervisionItem {
    MANAGEMENT, // 校务管理
    ENROLMENT, // 招生收费
    CURRICULUM, // 课程开设
    WORKLOAD, // 课业负担
    ETHICS, // 师德师风
    SAFETY, // 校园安全
    FOOD, // 食品卫生
    ETHOS; // 校风学风

    public static Optional<SupervisionItem> parse(String text) {
        return text == null
                ? Optional.empty()
                : Arrays.stream(values())
                        .filter(i -> i.name().equalsIgnoreCase(text.trim()))
                        .findFirst();
    }
}
