package org.dudao.support;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.dudao.shared.Access;

/** Runs a step as the system user, as demo data and scheduled jobs do, and hands back its result. */
public final class AsSystem {

    private AsSystem() {}

    public static <T> T get(Supplier<T> step) {
        AtomicReference<T> result = new AtomicReference<>();
        Access.runAsSystem(() -> result.set(step.get()));
        return result.get();
    }
}
