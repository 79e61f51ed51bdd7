package org.dudao.user.internal;

import jakarta.servlet.http.HttpSession;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Ends what a password guarded: after a change or reset, the user's personal access tokens are deleted and the
 * user's web sessions (Spring Session JDBC, found by principal name) are ended, all but the session that made the
 * change itself when {@code keepCurrent}.
 */
@Component
class Revocations {

    private final AccessTokenRepository tokens;
    private final ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions;

    Revocations(
            AccessTokenRepository tokens,
            ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions) {
        this.tokens = tokens;
        this.sessions = sessions;
    }

    /** Runs in the caller's transaction; answers what was ended, for the audit log. */
    String revoke(AppUser user, boolean keepCurrent) {
        int revokedTokens = tokens.deleteByUser(user.getId());
        return "tokens revoked: " + revokedTokens + ", sessions ended: " + endSessions(user, keepCurrent);
    }

    /**
     * Ends the user's web sessions (but the current request's when {@code keepCurrent}): a session keeps the grants
     * read at sign-in, so it must not outlive a change of grants or a disabled account.
     */
    int endSessions(AppUser user, boolean keepCurrent) {
        FindByIndexNameSessionRepository<? extends Session> repository = sessions.getIfAvailable();
        if (repository == null) {
            return 0;
        }
        String current = keepCurrent ? currentSessionId() : null;
        int ended = 0;
        Set<String> ids = repository.findByPrincipalName(user.getUsername()).keySet();
        for (String id : ids) {
            if (!id.equals(current)) {
                repository.deleteById(id);
                ended++;
            }
        }
        return ended;
    }

    private static String currentSessionId() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpSession session = attributes.getRequest().getSession(false);
            return session == null ? null : session.getId();
        }
        return null;
    }
}
