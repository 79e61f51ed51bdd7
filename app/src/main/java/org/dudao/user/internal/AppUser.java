package org.dudao.user.internal;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

@Entity
@Table(name = "app_user")
class AppUser {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String username;

    /** The lower-case username; its unique constraint keeps {@code Admin} from joining {@code admin}. */
    private String usernameKey;

    private String displayName;
    private String passwordHash;
    private boolean enabled = true;
    private int failedAttempts;
    private Instant lockedUntil;
    private boolean mustChangePassword;
    private String phone;

    @Version
    private int version;

    private Instant createdAt;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @JoinColumn(name = "user_id", nullable = false)
    private List<RoleGrant> grants = new ArrayList<>();

    protected AppUser() {}

    AppUser(String username, String displayName, String passwordHash, Instant now) {
        this.username = username;
        this.usernameKey = key(username);
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.createdAt = now;
    }

    static String key(String username) {
        return username.toLowerCase(java.util.Locale.ROOT);
    }

    boolean isLocked(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /** Counts a failed sign-in; locks the account for {@code lockFor} after {@code max} failures in a row. */
    void failedLogin(int max, java.time.Duration lockFor, Instant now) {
        failedAttempts++;
        if (failedAttempts >= max) {
            lockedUntil = now.plus(lockFor);
            failedAttempts = 0;
        }
    }

    void succeededLogin() {
        failedAttempts = 0;
        lockedUntil = null;
    }

    void changePassword(String hash, boolean mustChange) {
        this.passwordHash = hash;
        this.mustChangePassword = mustChange;
        this.failedAttempts = 0;
        this.lockedUntil = null;
    }

    void edit(String displayName, String phone, boolean enabled) {
        this.displayName = displayName;
        this.phone = phone;
        this.enabled = enabled;
    }

    void unlock() {
        failedAttempts = 0;
        lockedUntil = null;
    }

    Long getId() {
        return id;
    }

    String getUsername() {
        return username;
    }

    String getDisplayName() {
        return displayName;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    boolean isEnabled() {
        return enabled;
    }

    int getFailedAttempts() {
        return failedAttempts;
    }

    Instant getLockedUntil() {
        return lockedUntil;
    }

    boolean isMustChangePassword() {
        return mustChangePassword;
    }

    String getPhone() {
        return phone;
    }

    int getVersion() {
        return version;
    }

    List<RoleGrant> getGrants() {
        return grants;
    }
}
