package org.dudao.user.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.dudao.shared.DudaoUser;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates Open311 calls by their {@code api_key} parameter (query or form field), which is a personal access
 * token: Open311 clients send the key that way rather than in a header. A key that is not a valid token is refused.
 */
class ApiKeyFilter extends OncePerRequestFilter {

    static final String PARAMETER = "api_key";

    private final AccessTokens tokens;
    private final AuthenticationEntryPoint entryPoint;

    ApiKeyFilter(AccessTokens tokens, AuthenticationEntryPoint entryPoint) {
        this.tokens = tokens;
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getParameter(PARAMETER);
        if (key != null && !key.isBlank()) {
            DudaoUser user =
                    key.length() > 200 ? null : tokens.authenticate(key.strip()).orElse(null);
            if (user == null) {
                entryPoint.commence(request, response, new BadCredentialsException("invalid api_key"));
                return;
            }
            var auth = new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities());
            SecurityContextHolder.getContext().setAuthentication(auth);
        }
        chain.doFilter(request, response);
    }
}
