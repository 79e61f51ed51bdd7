package org.dudao.collection.internal.excel;

import java.util.concurrent.Semaphore;
import org.dudao.collection.internal.ImportLimits;
import org.springframework.stereotype.Component;

/**
 * At most {@link ImportLimits#concurrent()} imports (direct or as jobs) read a workbook on this node at once;
 * one more is refused at once with {@link ImportBusyException} (429 with {@code Retry-After}) instead of
 * queueing uploads that hold memory and temporary files.
 */
@Component
public class ImportGate {

    private final Semaphore permits;
    private final int retryAfterSeconds;
    private final int size;

    ImportGate(ImportLimits limits) {
        this.size = limits.concurrent();
        this.permits = new Semaphore(limits.concurrent());
        this.retryAfterSeconds = limits.retryAfterSeconds();
    }

    /** How many imports may run at once on this node. */
    public int size() {
        return size;
    }

    /** A place among the running imports, given back by {@link Permit#close()}; busy → exception. */
    public Permit enter() {
        if (!permits.tryAcquire()) {
            throw new ImportBusyException(retryAfterSeconds);
        }
        return new Permit(permits);
    }

    /** One running import; closing it twice gives back one place only. */
    public static final class Permit implements AutoCloseable {
        private final Semaphore permits;
        private boolean closed;

        private Permit(Semaphore permits) {
            this.permits = permits;
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                permits.release();
            }
        }
    }

    /** The node already runs as many imports as it may: try again after {@link #retryAfterSeconds()}. */
    public static final class ImportBusyException extends RuntimeException {
        private final int retryAfterSeconds;

        ImportBusyException(int retryAfterSeconds) {
            super("collection.import.busy");
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public int retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
