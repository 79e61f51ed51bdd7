package org.dudao.evaluation.internal;

import java.util.Locale;
import java.util.Optional;

/** What a user asks to do with an evaluation file. */
public enum Action {
    SUBMIT,
    RETURN,
    SCORE,
    APPROVE,
    CERTIFY,
    /** 重新复核 after rectification: a closed file is re-scored and reopened at the county. */
    RECHECK;

    public static Optional<Action> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(text.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
