package org.dudao.user.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.dudao.support.DudaoTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.LocaleResolver;

/** The public case form shares the limit of every anonymous page: a burst from one address, then 429. */
@DudaoTest
class PublicFilingRateLimitTest {

    @Autowired
    WebApplicationContext context;

    @Autowired
    ObjectMapper json;

    @Autowired
    MessageSource messages;

    @Autowired
    LocaleResolver locales;

    @Test
    void aBurstOfPublicFilingsFromOneAddressIsRefused() throws Exception {
        RateLimitProperties limits = RateLimitTest.shipped();
        RateLimitFilter shipped = new RateLimitFilter(new RateLimiter(limits, () -> 0L), json, messages, locales);
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context)
                .addFilters(shipped)
                .apply(springSecurity())
                .build();
        int refused = 0;
        for (int i = 0; i < limits.clientBurst() + 5; i++) {
            // the honeypot keeps these posts out of the database; the limit comes first anyway
            MockHttpServletResponse answer = mvc.perform(post("/public/cases/new")
                            .param("unit", "JB010101")
                            .param("category", "COMPLAINT")
                            .param("description", "刷屏投诉")
                            .param("website", "http://spam.example")
                            .with(csrf()))
                    .andReturn()
                    .getResponse();
            if (answer.getStatus() == 429) {
                refused++;
                assertThat(answer.getHeader("Retry-After")).matches("[1-9][0-9]*");
            } else {
                assertThat(answer.getStatus()).isEqualTo(302);
            }
        }
        assertThat(refused).isEqualTo(5);
    }
}
