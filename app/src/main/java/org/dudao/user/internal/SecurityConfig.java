package org.dudao.user.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.util.EnumSet;
import java.util.Map;
import java.util.regex.Pattern;
import org.dudao.shared.DudaoUser;
import org.dudao.shared.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Two filter chains. The API ({@code /api/**}) is stateless: HTTP Basic or a personal access token on every
 * call, no session and so no CSRF exposure. The web UI uses form login with a session (shared by all nodes
 * through the database) and CSRF protection.
 */
@Configuration
class SecurityConfig {

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher publisher) {
        return new DefaultAuthenticationEventPublisher(publisher);
    }

    /**
     * The one manager every chain names: otherwise Spring Security builds its own from the user loader and the bare
     * bcrypt encoder, and HTTP Basic pays bcrypt on every call.
     */
    @Bean
    AuthenticationManager authenticationManager(
            UserLoader loader,
            PasswordEncoder encoder,
            AuthenticationEventPublisher events,
            SecurityProperties properties,
            java.time.Clock clock) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(loader) {
            @Override
            protected Authentication createSuccessAuthentication(
                    Object principal, Authentication authentication, UserDetails user) {
                // keep no password hash in the session
                return super.createSuccessAuthentication(
                        ((DudaoUser) principal).withoutPassword(),
                        authentication,
                        ((DudaoUser) user).withoutPassword());
            }
        };
        provider.setPasswordEncoder(
                new RememberedCredentials(encoder, properties.rememberCredentials(), 10_000, clock));
        ProviderManager manager = new ProviderManager(provider);
        manager.setAuthenticationEventPublisher(events);
        return manager;
    }

    /**
     * The operations endpoints ({@code /actuator/**}): the health probes are open (the balancer asks them);
     * Prometheus metrics are for the monitoring host ({@code dudao.metrics.clients}, an address pattern; the client
     * address is the real one behind a balancer in {@code dudao.proxies}) or for an administrator at the root of
     * the tree (HTTP Basic or a token); everything else needs a signed-in user.
     */
    @Bean
    @Order(0)
    SecurityFilterChain operations(
            HttpSecurity http,
            AuthenticationManager signIn,
            AccessTokens tokens,
            ObjectMapper json,
            MessageSource messages,
            LocaleResolver locales,
            @Value("${dudao.metrics.clients}") String clients)
            throws Exception {
        Pattern monitoring = Pattern.compile(clients);
        AuthorizationManager<RequestAuthorizationContext> metricsReaders =
                (authentication, context) -> new AuthorizationDecision(
                        monitoring.matcher(context.getRequest().getRemoteAddr()).matches()
                                || (authentication.get().getPrincipal() instanceof DudaoUser user
                                        && user.holdsAtRoot(EnumSet.of(Role.ADMIN))));
        AuthenticationEntryPoint unauthorized = unauthorized(json, messages, locales);
        return http.authenticationManager(signIn)
                .securityMatcher("/actuator/**")
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a.requestMatchers("/actuator/health", "/actuator/health/**")
                        .permitAll()
                        .requestMatchers("/actuator/prometheus")
                        .access(metricsReaders)
                        .anyRequest()
                        .authenticated())
                .httpBasic(b -> b.authenticationEntryPoint(unauthorized))
                .addFilterBefore(new TokenAuthenticationFilter(tokens, unauthorized), BasicAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized))
                .headers(SecurityConfig::edgeHeaders)
                .build();
    }

    /** 401 with a problem detail in the caller's language (Chinese by default) and the Basic challenge. */
    private static AuthenticationEntryPoint unauthorized(
            ObjectMapper json, MessageSource messages, LocaleResolver locales) {
        // these answers leave before the DispatcherServlet, so the locale is resolved here
        return (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"dudao\"");
            problem(
                    response,
                    HttpServletResponse.SC_UNAUTHORIZED,
                    "status.401",
                    "error.unauthorized",
                    json,
                    messages,
                    locales.resolveLocale(request),
                    Map.of());
        };
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(
            HttpSecurity http,
            AuthenticationManager signIn,
            AccessTokens tokens,
            Accounts accounts,
            ObjectMapper json,
            MessageSource messages,
            LocaleResolver locales,
            RateLimiter limiter)
            throws Exception {
        AuthenticationEntryPoint unauthorized = unauthorized(json, messages, locales);
        AccessDeniedHandler denied = (request, response, e) -> problem(
                response,
                HttpServletResponse.SC_FORBIDDEN,
                "status.403",
                "error.forbidden",
                json,
                messages,
                locales.resolveLocale(request),
                Map.of());
        MustChangePasswordFilter.Refusal mustChange = (request, response) -> problem(
                response,
                HttpServletResponse.SC_FORBIDDEN,
                "status.403",
                "user.error.must-change-password",
                json,
                messages,
                locales.resolveLocale(request),
                Map.of("reason", "mustChangePassword"));
        return http.authenticationManager(signIn)
                .securityMatcher("/api/**")
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a.requestMatchers("/api/public/**")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .httpBasic(b -> b.authenticationEntryPoint(unauthorized))
                .addFilterBefore(new TokenAuthenticationFilter(tokens, unauthorized), BasicAuthenticationFilter.class)
                .addFilterAfter(new MustChangePasswordFilter(accounts, mustChange), AuthorizationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized).accessDeniedHandler(denied))
                .headers(SecurityConfig::edgeHeaders)
                .addFilterAfter(new RateLimitFilter(limiter, json, messages, locales), HeaderWriterFilter.class)
                .build();
    }

    /**
     * Open311 GeoReport v2 ({@code /open311/**}): stateless like the API, the caller named by {@code api_key} (a
     * personal access token); service discovery is open. Refusals are the spec's error array.
     */
    @Bean
    @Order(0)
    SecurityFilterChain open311Chain(
            HttpSecurity http,
            AuthenticationManager signIn,
            AccessTokens tokens,
            Accounts accounts,
            ObjectMapper json,
            MessageSource messages,
            LocaleResolver locales)
            throws Exception {
        AuthenticationEntryPoint unauthorized = (request, response, e) -> open311Error(
                response,
                HttpServletResponse.SC_UNAUTHORIZED,
                "user.error.api-key",
                json,
                messages,
                locales.resolveLocale(request));
        AccessDeniedHandler denied = (request, response, e) -> open311Error(
                response,
                HttpServletResponse.SC_FORBIDDEN,
                "error.forbidden",
                json,
                messages,
                locales.resolveLocale(request));
        return http.authenticationManager(signIn)
                .securityMatcher("/open311/**")
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a.requestMatchers(
                                org.springframework.http.HttpMethod.GET,
                                "/open311/v2/services.json",
                                "/open311/v2/services/*")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .addFilterBefore(new ApiKeyFilter(tokens, unauthorized), BasicAuthenticationFilter.class)
                .addFilterAfter(
                        new MustChangePasswordFilter(
                                accounts,
                                (request, response) -> open311Error(
                                        response,
                                        HttpServletResponse.SC_FORBIDDEN,
                                        "user.error.must-change-password",
                                        json,
                                        messages,
                                        locales.resolveLocale(request))),
                        AuthorizationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized).accessDeniedHandler(denied))
                .headers(SecurityConfig::edgeHeaders)
                .build();
    }

    /** The Open311 error array: [{"code": 401, "description": "…"}]. */
    private static void open311Error(
            HttpServletResponse response,
            int status,
            String key,
            ObjectMapper json,
            MessageSource messages,
            java.util.Locale locale)
            throws java.io.IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(
                response.getOutputStream(),
                java.util.List.of(Map.of("code", status, "description", messages.getMessage(key, null, locale))));
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(
            HttpSecurity http,
            AuthenticationManager signIn,
            Accounts accounts,
            ObjectMapper json,
            MessageSource messages,
            LocaleResolver locales,
            RateLimiter limiter)
            throws Exception {
        return http.authenticationManager(signIn)
                .authorizeHttpRequests(a -> a.requestMatchers(
                                "/login",
                                "/webjars/**",
                                "/css/**",
                                "/js/**",
                                "/img/**",
                                "/favicon.ico",
                                "/public/**",
                                "/error",
                                "/v3/api-docs/**",
                                "/swagger-ui/**",
                                "/swagger-ui.html",
                                "/actuator/health")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .formLogin(
                        f -> f.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .headers(SecurityConfig::edgeHeaders)
                .addFilterAfter(new RateLimitFilter(limiter, json, messages, locales), HeaderWriterFilter.class)
                .addFilterAfter(
                        new MustChangePasswordFilter(accounts, (request, response) -> response.sendError(403)),
                        AuthorizationFilter.class)
                .build();
    }

    /**
     * Scripts only from this site (pages carry their data in JSON blocks and data-* attributes, never inline
     * script or handlers); inline styles stay allowed for the few style attributes and Bootstrap's data: images.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'self'; "
            + "form-action 'self'; base-uri 'self'";

    /** On every answer: the policy above, no referrer to other sites, framing only by our own pages. */
    private static void edgeHeaders(HeadersConfigurer<HttpSecurity> h) {
        h.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .frameOptions(f -> f.sameOrigin());
    }

    private static void problem(
            HttpServletResponse response,
            int status,
            String titleKey,
            String detailKey,
            ObjectMapper json,
            MessageSource messages,
            java.util.Locale locale,
            Map<String, Object> extra)
            throws java.io.IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("status", status);
        body.put("title", messages.getMessage(titleKey, null, locale));
        body.put("detail", messages.getMessage(detailKey, null, locale));
        body.putAll(extra);
        json.writeValue(response.getOutputStream(), body);
    }
}
