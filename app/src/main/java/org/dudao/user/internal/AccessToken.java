package org.dudao.user.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A personal access token for the API. Only its SHA-256 is stored; the token is shown once at creation. */
@Entity
@Table(name = "access_token")
class AccessToken {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long userId;
    private String name;
    private String tokenHash;
    private Instant createdAt;
    private Instant expiresAt;
    private Instant lastUsedAt;

    protected AccessToken() {}

    AccessToken(Long userId, String name, String tokenHash, Instant createdAt, Instant expiresAt) {
        this.userId = userId;
        this.name = name;
        this.tokenHash = tokenHash;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    void used(Instant at) {
        this.lastUsedAt = at;
    }

    Long getId() {
        return id;
    }

    Long getUserId() {
        return userId;
    }

    String getName() {
        return name;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getExpiresAt() {
        return expiresAt;
    }

    Instant getLastUsedAt() {
        return lastUsedAt;
    }
}
