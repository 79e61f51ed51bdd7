package org.dudao.user.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

@ConfigurationProperties("dudao.security")
record SecurityProperties(Integer maxFailedLogins, Integer lockoutMinutes, Integer rememberCredentialsSeconds) {

    int maxFailures() {
        return maxFailedLogins == null ? 5 : maxFailedLogins;
    }

    /** How long a matched password is remembered (0: never; see {@link RememberedCredentials}). */
    java.time.Duration rememberCredentials() {
        return java.time.Duration.ofSeconds(rememberCredentialsSeconds == null ? 300 : rememberCredentialsSeconds);
    }

    java.time.Duration lockout() {
        return java.time.Duration.ofMinutes(lockoutMinutes == null ? 15 : lockoutMinutes);
    }
}
