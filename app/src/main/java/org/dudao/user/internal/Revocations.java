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
        int ended = 0;
        FindByIndexNameSessionRepository<? extends Session> repository = sessions.getIfAvailable();
        if (repository != null) {
            String current = keepCurrent ? currentSessionId() : null;
            Set<String> ids = repository.findByPrincipalName(user.getUsername()).keySet();
            for (String id : ids) {
                if (!id.equals(current)) {
                    repository.deleteById(id);
                    ended++;
                }
            }
        }
        return "tokens revoked: " + revokedTokens + ", sessions ended: " + ended;
    }

    private static String currentSessionId() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpSession session = attributes.getRequest().getSession(false);
            return session == null ? null : session.getId();
        }
        return null;
    }
}
