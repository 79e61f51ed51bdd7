package org.dudao.user.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits on anonymous requests (公示 pages and objections, {@code /api/public/**}, sign-in posts): a token bucket
 * per client address holding {@code clientBurst} requests and refilled by {@code clientPerMinute}, and one for
 * the whole node; {@code maxClients} addresses are remembered at most.
 */
@ConfigurationProperties("dudao.rate-limit")
record RateLimitProperties(
        Integer clientBurst, Integer clientPerMinute, Integer nodeBurst, Integer nodePerMinute, Integer maxClients) {

    RateLimitProperties {
        clientBurst = positive(clientBurst, 20);
        clientPerMinute = positive(clientPerMinute, 30);
        nodeBurst = positive(nodeBurst, 200);
        nodePerMinute = positive(nodePerMinute, 600);
        maxClients = positive(maxClients, 10_000);
    }

    private static int positive(Integer value, int otherwise) {
        return value == null || value < 1 ? otherwise : value;
    }
}
