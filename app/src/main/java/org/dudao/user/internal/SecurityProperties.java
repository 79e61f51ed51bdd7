package org.dudao.user.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

@ConfigurationProperties("dudao.security")
record SecurityProperties(Integer maxFailedLogins, Integer lockoutMinutes) {

    int maxFailures() {
        return maxFailedLogins == null ? 5 : maxFailedLogins;
    }

    java.time.Duration lockout() {
        return java.time.Duration.ofMinutes(lockoutMinutes == null ? 15 : lockoutMinutes);
    }
}
