package org.dudao.user.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.dudao.shared.Access;
import org.dudao.shared.DudaoUser;
import org.dudao.shared.NotFoundException;
import org.dudao.shared.Problems;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Personal access tokens: created and revoked by their owner, checked on API calls. */
@Service
public class AccessTokens {

    /** A token as listed to its owner; {@code token} is only filled once, right after creation. */
    public record TokenView(
            Long id, String name, Instant createdAt, Instant expiresAt, Instant lastUsedAt, String token)
            implements java.io.Serializable {}

    private static final SecureRandom RANDOM = new SecureRandom();
    private final AccessTokenRepository tokens;
    private final AppUserRepository users;
    private final UserLoader loader;
    private final Clock clock;

    AccessTokens(AccessTokenRepository tokens, AppUserRepository users, UserLoader loader, Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.loader = loader;
        this.clock = clock;
    }

    @Transactional
    public TokenView create(String name, Integer days) {
        Problems problems = new Problems();
        if (problems.required("name", name)) {
            problems.name("name", name, 64);
        }
        if (days != null && (days < 1 || days > 3650)) {
            problems.add("days", "error.range", 1, 3650);
        }
        problems.throwIfAny();
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String token = "dd_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = Instant.now(clock);
        AccessToken saved = tokens.save(new AccessToken(
                Access.currentUser().id(),
                name.trim(),
                hash(token),
                now,
                days == null ? null : now.plus(Duration.ofDays(days))));
        return new TokenView(saved.getId(), saved.getName(), now, saved.getExpiresAt(), null, token);
    }

    @Transactional(readOnly = true)
    public List<TokenView> mine() {
        return tokens.findByUserIdOrderByCreatedAtDesc(Access.currentUser().id()).stream()
                .map(t -> new TokenView(
                        t.getId(), t.getName(), t.getCreatedAt(), t.getExpiresAt(), t.getLastUsedAt(), null))
                .toList();
    }

    @Transactional
    public void revoke(Long id) {
        AccessToken token = tokens.findById(id)
                .filter(t -> t.getUserId().equals(Access.currentUser().id()))
                .orElseThrow(() -> new NotFoundException("token " + id));
        tokens.delete(token);
    }

    @Transactional
    Optional<DudaoUser> authenticate(String token) {
        Instant now = Instant.now(clock);
        return tokens.findByTokenHash(hash(token))
                .filter(t -> t.getExpiresAt() == null || t.getExpiresAt().isAfter(now))
                .flatMap(t -> {
                    if (t.getLastUsedAt() == null || t.getLastUsedAt().isBefore(now.minusSeconds(60))) {
                        t.used(now);
                    }
                    return users.findById(t.getUserId());
                })
                .map(loader::toPrincipal)
                .filter(u -> u.enabled() && !u.locked())
                .map(DudaoUser::withoutPassword);
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
