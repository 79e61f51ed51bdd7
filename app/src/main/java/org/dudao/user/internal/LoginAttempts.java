package org.dudao.user.internal;

import java.time.Clock;
import java.time.Instant;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Locks an account for a while after repeated wrong passwords (form and HTTP Basic alike). */
@Component
class LoginAttempts {

    private final AppUserRepository users;
    private final SecurityProperties properties;
    private final Clock clock;

    LoginAttempts(AppUserRepository users, SecurityProperties properties, Clock clock) {
        this.users = users;
        this.properties = properties;
        this.clock = clock;
    }

    @EventListener
    @Transactional
    public void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        failed(event);
    }

    private void failed(AbstractAuthenticationFailureEvent event) {
        users.findByUsername(event.getAuthentication().getName())
                .ifPresent(u -> u.failedLogin(properties.maxFailures(), properties.lockout(), Instant.now(clock)));
    }

    @EventListener
    @Transactional
    public void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken) {
            users.findByUsername(event.getAuthentication().getName())
                    .filter(u -> u.getFailedAttempts() > 0 || u.getLockedUntil() != null)
                    .ifPresent(AppUser::succeededLogin);
        }
    }
}
