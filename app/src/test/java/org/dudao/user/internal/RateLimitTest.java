package org.dudao.user.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.concurrent.atomic.AtomicLong;
import org.dudao.support.Api;
import org.dudao.support.DudaoTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.MessageSource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Anonymous endpoints are rate limited (issue 11, finding 10). The suite runs with raised limits (application-test.yml),
 * so these tests build a limiter of their own from the limits application.yml ships.
 */
@DudaoTest
class RateLimitTest {

    @Autowired
    WebApplicationContext context;

    @Autowired
    ObjectMapper json;

    @Autowired
    MessageSource messages;

    @Autowired
    LocaleResolver locales;

    @Autowired
    FilterChainProxy chains;

    /** The limits a node runs with unless configured otherwise. */
    static RateLimitProperties shipped() throws Exception {
        var environment = new StandardEnvironment();
        new YamlPropertySourceLoader()
                .load("application.yml", new ClassPathResource("application.yml"))
                .forEach(environment.getPropertySources()::addLast);
        return Binder.get(environment)
                .bind("dudao.rate-limit", RateLimitProperties.class)
                .get();
    }

    @Test
    void theShippedLimitsLetABurstThroughThenOneClientWaitsWhileOthersGoOn() throws Exception {
        RateLimitProperties limits = shipped();
        assertThat(limits.clientBurst()).isEqualTo(20);
        AtomicLong now = new AtomicLong();
        RateLimiter limiter = new RateLimiter(limits, now::get);
        int passed = 0;
        long wait = 0;
        for (int i = 0; i < 100; i++) {
            long w = limiter.acquire("203.0.113.1");
            if (w == 0) passed++;
            else wait = w;
        }
        assertThat(passed).isEqualTo(limits.clientBurst());
        assertThat(wait).isEqualTo(2); // 30 a minute: the next token in two seconds
        assertThat(limiter.acquire("203.0.113.2")).isZero();
        now.addAndGet(2_000_000_000L);
        assertThat(limiter.acquire("203.0.113.1")).isZero();
        assertThat(limiter.acquire("203.0.113.1")).isPositive();
    }

    @Test
    void manyClientsTogetherMeetTheNodeLimitAndAreForgottenWhenIdle() throws Exception {
        RateLimitProperties limits = new RateLimitProperties(2, 60, 50, 60, 100);
        AtomicLong now = new AtomicLong();
        RateLimiter limiter = new RateLimiter(limits, now::get);
        int passed = 0;
        for (int i = 0; i < 80; i++) {
            if (limiter.acquire("198.51.100." + i) == 0) passed++;
        }
        assertThat(passed).isEqualTo(50);
        assertThat(limiter.clients()).isEqualTo(80);
        now.addAndGet(60_000_000_000L); // a minute later every client's bucket is full again
        for (int i = 0; i < 40; i++) {
            limiter.acquire("192.0.2." + i);
        }
        assertThat(limiter.clients()).isLessThanOrEqualTo(100);
    }

    @Test
    void aBurstOfAnonymousObjectionsIsRefusedWhileSignedInUsersGoOn() throws Exception {
        // the clock stands still, so no token comes back during the burst however slow the machine is
        RateLimitFilter shipped = new RateLimitFilter(new RateLimiter(shipped(), () -> 0L), json, messages, locales);
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context)
                .addFilters(shipped)
                .apply(springSecurity())
                .build();
        int refused = 0;
        for (int i = 0; i < 100; i++) {
            MockHttpServletResponse answer = mvc.perform(post("/api/public/projects/QS-NONE/objections")
                            .contentType("application/json")
                            .content("{\"evaluation\":1,\"body\":\"刷屏\"}"))
                    .andReturn()
                    .getResponse();
            if (answer.getStatus() == 429) {
                refused++;
                assertThat(answer.getHeader("Retry-After")).matches("[1-9][0-9]*");
                assertThat(answer.getContentType()).startsWith("application/problem+json");
                assertThat(answer.getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                        .contains("请求过于频繁");
            } else {
                assertThat(answer.getStatus()).isEqualTo(404);
            }
        }
        assertThat(refused).isEqualTo(80);
        // the public page and the sign-in post from the same address wait too, with a page in Chinese
        mvc.perform(get("/public/projects/QS-NONE"))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(content().string(Matchers.containsString("请求过于频繁")));
        mvc.perform(post("/login").param("username", "qs_director").param("password", Api.PASSWORD))
                .andExpect(status().isTooManyRequests());
        // signed-in work goes on
        for (int i = 0; i < 30; i++) {
            mvc.perform(get("/api/org-units/JB0101").with(httpBasic("qs_director", Api.PASSWORD)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.code").value("JB0101"));
        }
    }

    @Test
    void everyChainServingAnAnonymousPathLimits() {
        // the api and web chains serve /api/public/**, /public/** and the sign-in post; the only chains without the
        // limit are /open311 (a key for every write) and /actuator (monitoring addresses or administrators only)
        assertThat(chains.getFilterChains())
                .filteredOn(chain -> chain.getFilters().stream().anyMatch(RateLimitFilter.class::isInstance))
                .hasSize(2);
        assertThat(chains.getFilterChains())
                .filteredOn(chain -> chain.getFilters().stream().noneMatch(RateLimitFilter.class::isInstance))
                .allSatisfy(chain -> assertThat(chain.toString()).containsAnyOf("/open311/**", "/actuator/**"));
    }
}
