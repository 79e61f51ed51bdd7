package org.dudao.user.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Token buckets in memory for anonymous requests: one per client address and one for the node, so neither one
 * client nor many together can flood the public endpoints. A request takes a token from its client's bucket, then
 * from the node's; an empty bucket refuses it with the seconds until a token is back.
 */
@Component
class RateLimiter {

    private final RateLimitProperties limits;
    private final LongSupplier nanos;
    private final Map<String, Bucket> clients = new ConcurrentHashMap<>();
    private final Bucket node;

    @Autowired
    RateLimiter(RateLimitProperties limits) {
        this(limits, System::nanoTime);
    }

    RateLimiter(RateLimitProperties limits, LongSupplier nanos) {
        this.limits = limits;
        this.nanos = nanos;
        this.node = new Bucket(limits.nodeBurst(), limits.nodePerMinute(), nanos.getAsLong());
    }

    /** 0 when the request may go on, otherwise the seconds to wait (at least 1). */
    long acquire(String client) {
        long now = nanos.getAsLong();
        Bucket own = clients.get(client);
        if (own == null) {
            evictIdle(now);
            own = clients.computeIfAbsent(client, c -> new Bucket(limits.clientBurst(), limits.clientPerMinute(), now));
        }
        long wait = own.take(now);
        if (wait == 0) {
            wait = node.take(now);
        }
        return wait == 0 ? 0 : Math.max(1, (wait + 999_999_999L) / 1_000_000_000L);
    }

    int clients() {
        return clients.size();
    }

    /** Full buckets hold nothing worth keeping; if every address is still busy, forget them all (the node limit stays). */
    private void evictIdle(long now) {
        if (clients.size() < limits.maxClients()) {
            return;
        }
        clients.values().removeIf(b -> b.full(now));
        if (clients.size() >= limits.maxClients()) {
            clients.clear();
        }
    }

    /** Holds up to {@code capacity} tokens, refilled continuously at {@code perMinute}. */
    static final class Bucket {
        private final double capacity;
        private final double perNano;
        private double tokens;
        private long last;

        Bucket(int capacity, int perMinute, long now) {
            this.capacity = capacity;
            this.perNano = perMinute / 60e9;
            this.tokens = capacity;
            this.last = now;
        }

        /** Takes a token: 0 when there was one, otherwise the nanoseconds until there is. */
        synchronized long take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / perNano);
        }

        synchronized boolean full(long now) {
            refill(now);
            return tokens >= capacity;
        }

        private void refill(long now) {
            tokens = Math.min(capacity, tokens + Math.max(0, now - last) * perNano);
            last = now;
        }
    }
}
