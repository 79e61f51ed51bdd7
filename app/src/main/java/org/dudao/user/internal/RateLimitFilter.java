package org.dudao.user.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.HtmlUtils;

/**
 * Applies the {@link RateLimiter} to the endpoints anyone may call without signing in: {@code /api/public/**},
 * the public pages under {@code /public/**} and the sign-in post. The client is {@code request.getRemoteAddr()},
 * which Tomcat sets to the real client only behind a configured proxy ({@code dudao.proxies}). Past the limit the
 * API answers 429 with a problem detail, pages with a short Chinese (or English) page; both with Retry-After.
 */
class RateLimitFilter extends OncePerRequestFilter {

    private static final int TOO_MANY_REQUESTS = 429;

    private final RateLimiter limiter;
    private final ObjectMapper json;
    private final MessageSource messages;
    private final LocaleResolver locales;

    RateLimitFilter(RateLimiter limiter, ObjectMapper json, MessageSource messages, LocaleResolver locales) {
        this.limiter = limiter;
        this.json = json;
        this.messages = messages;
        this.locales = locales;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (anonymous(request)) {
            long wait = limiter.acquire(request.getRemoteAddr());
            if (wait > 0) {
                refuse(request, response, wait);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    static boolean anonymous(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/public/")
                || path.startsWith("/public/")
                || (path.equals("/login") && "POST".equals(request.getMethod()));
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, long seconds) throws IOException {
        Locale locale = locales.resolveLocale(request);
        String detail = messages.getMessage("error.rate-limited", new Object[] {seconds}, locale);
        response.setStatus(TOO_MANY_REQUESTS);
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        response.setCharacterEncoding("UTF-8");
        String title = messages.getMessage("status.429", null, locale);
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", "about:blank");
            body.put("status", TOO_MANY_REQUESTS);
            body.put("title", title);
            body.put("detail", detail);
            json.writeValue(response.getOutputStream(), body);
        } else {
            response.setContentType(MediaType.TEXT_HTML_VALUE);
            response.getWriter()
                    .write("<!DOCTYPE html><html lang=\"" + HtmlUtils.htmlEscape(locale.toLanguageTag())
                            + "\"><head><meta charset=\"utf-8\"><title>" + HtmlUtils.htmlEscape(title)
                            + "</title></head><body><h1>" + HtmlUtils.htmlEscape(title) + "</h1><p id=\"rate-limited\">"
                            + HtmlUtils.htmlEscape(detail) + "</p></body></html>");
        }
    }
}
