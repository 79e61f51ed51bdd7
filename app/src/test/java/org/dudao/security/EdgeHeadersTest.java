package org.dudao.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dudao.support.Api;
import org.dudao.support.DudaoTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The edges of every answer (issue 11, finding 9): a Content-Security-Policy that pages keep (no inline script,
 * their data in JSON blocks), Referrer-Policy, and forwarded headers believed only from the configured proxy.
 * The proxy tests talk to the real Tomcat (MockMvc has no RemoteIpValve) over plain sockets, so the client
 * address can be chosen: 127.0.0.1 is the default trusted proxy, 127.0.0.2 (also loopback on Linux) is not.
 */
@DudaoTest
class EdgeHeadersTest {

    static final String PROXY = "127.0.0.1";
    static final String STRANGER = "127.0.0.2";

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Test
    void everyKindOfAnswerCarriesThePolicy() throws Exception {
        for (ResultActions answer : List.of(
                mvc.perform(get("/login")),
                mvc.perform(get("/js/dudao.js")),
                mvc.perform(get("/org")),
                mvc.perform(get("/api/public/projects/NONE/publicity")),
                new Api(mvc).get("qs_director", "/api/org-units/JB0101"))) {
            answer.andExpect(header().string(
                                    "Content-Security-Policy",
                                    "default-src 'self'; script-src 'self'; "
                                            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'self'; "
                                            + "form-action 'self'; base-uri 'self'"))
                    .andExpect(header().string("Referrer-Policy", "same-origin"))
                    .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                    .andExpect(header().string("X-Frame-Options", "SAMEORIGIN"));
        }
    }

    @Test
    void pagesCarryNoInlineScriptAndTheirDataIsValidJson() throws Exception {
        String[][] pages = {
            {"/reports/dashboard?orgUnit=JB0101", "dd-report", "city_director"},
            {"/schemes/new", "dd-scheme", "admin"},
            {"/schemes/YWBZH/edit", "dd-scheme", "admin"}
        };
        for (String[] page : pages) {
            for (String lang : new String[] {"zh_CN", "en"}) {
                String html = mvc.perform(get(page[0] + (page[0].contains("?") ? "&" : "?") + "lang=" + lang)
                                .with(user(users.loadUserByUsername(page[2]))))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8);
                assertThat(inlineScripts(html)).as(page[0]).isEmpty();
                assertThat(html).as(page[0]).doesNotContainPattern("\\son[a-z]+=\"");
                JsonNode data = new ObjectMapper().readTree(jsonBlock(html, page[1]));
                assertThat(data.path("i18n").size()).as(page[0]).isGreaterThan(3);
            }
        }
    }

    /** Script elements with a body that the browser would run (JSON data blocks are not run). */
    private static List<String> inlineScripts(String html) {
        Matcher m =
                Pattern.compile("<script([^>]*)>(.*?)</script>", Pattern.DOTALL).matcher(html);
        List<String> found = new java.util.ArrayList<>();
        while (m.find()) {
            if (!m.group(2).isBlank() && !m.group(1).contains("application/json")) found.add(m.group());
        }
        return found;
    }

    private static String jsonBlock(String html, String id) {
        Matcher m = Pattern.compile(
                        "<script type=\"application/json\" id=\"" + id + "\">(.*?)</script>", Pattern.DOTALL)
                .matcher(html);
        assertThat(m.find()).as(id).isTrue();
        return m.group(1);
    }

    @Test
    void aForwardedHostFromAStrangerIsIgnored() throws Exception {
        String answer = send(
                STRANGER,
                "GET /org HTTP/1.1\r\nHost: localhost\r\nX-Forwarded-Host: evil.example\r\n"
                        + "X-Forwarded-Proto: https\r\nConnection: close\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 302");
        assertThat(headerOf(answer, "Location")).startsWith("http://localhost").doesNotContain("evil.example");
        // the balancer (loopback by default) is believed
        String viaProxy = send(
                PROXY,
                "GET /org HTTP/1.1\r\nHost: localhost\r\nX-Forwarded-Host: dudao.example\r\n"
                        + "X-Forwarded-Proto: https\r\nConnection: close\r\n\r\n");
        assertThat(headerOf(viaProxy, "Location")).startsWith("https://dudao.example");
    }

    @Test
    void theSessionCookieIsSecureBehindTls() throws Exception {
        String request =
                "GET /login HTTP/1.1\r\nHost: localhost\r\nX-Forwarded-Proto: https\r\nConnection: close\r\n\r\n";
        String viaProxy = headerOf(send(PROXY, request), "Set-Cookie");
        assertThat(viaProxy).startsWith("SESSION=").contains("; Secure");
        String fromStranger = headerOf(send(STRANGER, request), "Set-Cookie");
        assertThat(fromStranger).startsWith("SESSION=").doesNotContain("Secure");
    }

    /** One HTTP/1.1 exchange from the given local address; the answer's head and body as text. */
    private String send(String from, String request) throws IOException {
        InetAddress local = InetAddress.getByName(from);
        try (Socket socket = new Socket(InetAddress.getByName(PROXY), port, local, 0)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    private static String headerOf(String answer, String name) {
        String head = answer.substring(0, answer.indexOf("\r\n\r\n"));
        return Arrays.stream(head.split("\r\n"))
                .filter(line -> line.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                .map(line -> line.substring(name.length() + 1).trim())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " in\n" + head));
    }
}
