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

/** Authenticates API calls that carry "Authorization: Bearer dd_…" (a personal access token). */
class TokenAuthenticationFilter extends OncePerRequestFilter {

    private final AccessTokens tokens;
    private final AuthenticationEntryPoint entryPoint;

    TokenAuthenticationFilter(AccessTokens tokens, AuthenticationEntryPoint entryPoint) {
        this.tokens = tokens;
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            DudaoUser user = tokens.authenticate(header.substring(7).trim()).orElse(null);
            if (user == null) {
                entryPoint.commence(request, response, new BadCredentialsException("invalid token"));
                return;
            }
            var auth = new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities());
            SecurityContextHolder.getContext().setAuthentication(auth);
        }
        chain.doFilter(request, response);
    }
}
