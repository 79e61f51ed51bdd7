package org.dudao.user.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.dudao.shared.DudaoUser;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A user whose password was set by an administrator (or reset) may only change it and sign out. The API answers
 * everything else with a 403 problem naming the reason ({@code "reason":"mustChangePassword"}); reading
 * {@code GET /api/me} stays allowed so a client can tell. The web UI sends every other page to {@code /account},
 * where the password form is.
 */
class MustChangePasswordFilter extends OncePerRequestFilter {

    /** Answers the API's 403; the security configuration writes the problem detail. */
    interface Refusal {
        void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException;
    }

    private static final Set<String> API_ALLOWED = Set.of("GET /api/me", "POST /api/me/password");
    private static final Set<String> WEB_ALLOWED =
            Set.of("GET /account", "POST /account/password", "GET /login", "POST /logout", "GET /logout");
    private static final List<String> WEB_OPEN_PREFIXES =
            List.of("/css/", "/js/", "/img/", "/webjars/", "/favicon.ico", "/error");

    private final Accounts accounts;
    private final Refusal apiRefusal;

    MustChangePasswordFilter(Accounts accounts, Refusal apiRefusal) {
        this.accounts = accounts;
        this.apiRefusal = apiRefusal;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null
                && auth.getPrincipal() instanceof DudaoUser user
                && !allowed(request)
                && accounts.mustChangePassword(user.id())) {
            if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                apiRefusal.refuse(request, response);
            } else {
                response.sendRedirect(request.getContextPath() + "/account");
            }
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean allowed(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String call = request.getMethod() + " " + path;
        if (API_ALLOWED.contains(call) || WEB_ALLOWED.contains(call)) {
            return true;
        }
        // what anyone may see without signing in stays open
        if (path.startsWith("/api/public/") || path.startsWith("/public/")) {
            return true;
        }
        return !path.startsWith("/api/") && WEB_OPEN_PREFIXES.stream().anyMatch(path::startsWith);
    }
}
