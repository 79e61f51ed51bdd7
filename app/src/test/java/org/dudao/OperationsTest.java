package org.dudao;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.Filter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.dudao.support.Api;
import org.dudao.support.ClusterNode;
import org.dudao.support.DudaoTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Operations (issue 17): open health probes, Prometheus metrics for the monitoring host or a root administrator, graceful shutdown. */
@DudaoTest
class OperationsTest {

    /** A client outside the monitoring addresses (TEST-NET-3). */
    static final RequestPostProcessor OUTSIDE = request -> {
        request.setRemoteAddr("203.0.113.9");
        return request;
    };

    @Autowired
    MockMvc mvc;

    @Autowired
    Environment environment;

    @LocalServerPort
    int port;

    @Test
    void healthProbesAreOpenToAnyone() throws Exception {
        mvc.perform(get("/actuator/health/liveness").with(OUTSIDE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/health/readiness").with(OUTSIDE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/health").with(OUTSIDE)).andExpect(status().isOk());
    }

    @Test
    void prometheusTimesEachEndpointByItsTemplate() throws Exception {
        // a real request through Tomcat, so the timing is recorded as in production
        HttpResponse<String> dashboard = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/reports/dashboard"))
                                .header("Authorization", basic("admin"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(dashboard.statusCode()).isEqualTo(200);
        // Tomcat records the timing as the request ends, which may be just after the client has the answer
        String timed = "http_server_requests_seconds_count{";
        for (int i = 0; i < 50; i++) {
            String scrape = mvc.perform(get("/actuator/prometheus"))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            if (scrape.contains(timed) && scrape.contains("uri=\"/api/reports/dashboard\"")) break;
            Thread.sleep(100);
        }
        mvc.perform(get("/actuator/prometheus"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(Matchers.matchesPattern("(?s).*http_server_requests_seconds_count\\{[^}]*"
                                + "uri=\"/api/reports/dashboard\"[^}]*} \\d.*")))
                .andExpect(content().string(Matchers.containsString("http_server_requests_seconds_bucket")));
    }

    @Test
    void prometheusIsForTheMonitoringHostOrARootAdministrator() throws Exception {
        mvc.perform(get("/actuator/prometheus").with(OUTSIDE))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.status").value(401));
        // a county's administrator does not see the whole installation's figures
        mvc.perform(get("/actuator/prometheus").with(OUTSIDE).with(httpBasic("qs_admin", Api.PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/actuator/prometheus").with(OUTSIDE).with(httpBasic("admin", Api.PASSWORD)))
                .andExpect(status().isOk());
        // other operations endpoints are not open: only health, info and prometheus are exposed at all
        mvc.perform(get("/actuator/env").with(httpBasic("admin", Api.PASSWORD))).andExpect(status().isNotFound());
        mvc.perform(get("/actuator/info").with(OUTSIDE)).andExpect(status().isUnauthorized());
    }

    @Test
    void aStoppingNodeFinishesTheRequestItHolds() throws Exception {
        ConfigurableApplicationContext node = ClusterNode.start(environment, new Class<?>[] {SlowRequests.class});
        int nodePort = ((WebServerApplicationContext) node).getWebServer().getPort();
        CompletableFuture<HttpResponse<String>> answer = HttpClient.newHttpClient()
                .sendAsync(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + nodePort + SlowRequests.PATH))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(SlowRequests.STARTED.await(60, TimeUnit.SECONDS)).isTrue();
        node.close(); // returns once the request is answered (or the shutdown phase timed out)
        HttpResponse<String> response = answer.get(10, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("finished");
    }

    private static String basic(String user) {
        return "Basic "
                + Base64.getEncoder().encodeToString((user + ":" + Api.PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    /** A request that takes two seconds, answered before the security filters (registered on the extra node only). */
    static class SlowRequests extends FilterRegistrationBean<Filter> {
        static final String PATH = "/test-slow-request";
        static final CountDownLatch STARTED = new CountDownLatch(1);

        SlowRequests() {
            setFilter((request, response, chain) -> {
                STARTED.countDown();
                try {
                    Thread.sleep(2000);
                } catch (InterruptedException e) {
                    // an immediate shutdown interrupts the request: it must not look finished
                    Thread.currentThread().interrupt();
                    return;
                }
                response.getWriter().write("finished");
            });
            addUrlPatterns(PATH);
            setOrder(Ordered.HIGHEST_PRECEDENCE);
        }
    }
}
