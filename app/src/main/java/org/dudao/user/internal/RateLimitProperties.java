package org.dudao.user.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits on anonymous requests (公示 pages and objections, {@code /api/public/**}, sign-in posts): a token bucket
 * per client address and one for the whole node.
 *
 * @param clientBurst     requests one client address may send at once
 * @param clientPerMinute requests a client address gets back per minute after its burst
 * @param nodeBurst       anonymous requests the node takes at once, from all clients together
 * @param nodePerMinute   anonymous requests the node gets back per minute after its burst
 * @param maxClients      client addresses remembered at most (idle ones are forgotten first)
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
