package org.dudao.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses form and query parameters holding NUL with 400: PostgreSQL cannot store it, so a comment typed on a
 * screen with one would otherwise fail as a server error. The API answers such values with its own problem
 * details ({@link SafeText}, {@link ApiExceptionHandler}); uploads are left alone here, so that an import's role
 * is checked before a byte of it is parsed.
 */
@Component
class NulParameters extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        boolean upload = type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
        boolean nul = !upload
                && !request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                && request.getParameterMap().values().stream()
                        .flatMap(Arrays::stream)
                        .anyMatch(v -> v != null && v.indexOf('\u0000') >= 0);
        if (nul) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        chain.doFilter(request, response);
    }
}
