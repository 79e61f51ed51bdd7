package org.dudao.balance.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The two stages of compulsory education whose balance is measured (学段). */
public enum Stage {
    PRIMARY("小学"),
    JUNIOR("初中");

    private final String label;

    Stage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The Chinese label or the enum name. */
    public static Optional<Stage> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim();
        return Arrays.stream(values())
                .filter(s -> s.label.equals(t) || s.name().equals(t.toUpperCase(Locale.ROOT)))
                .findFirst();
    }
}
