package org.dudao.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dudao.support.DudaoTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Sends malformed input to every REST endpoint: each operation with a JSON body gets a bank of broken bodies
 * (wrong types, nulls in arrays, duplicate keys, huge strings and numbers, control characters, deep nesting, not
 * JSON at all), each GET a bank of broken query parameters. Every answer must be a 4xx JSON problem detail for
 * a broken body, and never a 500 or an HTML page for anything. Endpoints added later are fuzzed automatically.
 *
 * <p>Writes aim at objects that do not exist, so a body the server happens to accept cannot change demo data;
 * reads aim at real objects of the walker's own county, so the parameters reach the services.
 */
@DudaoTest
class FuzzWalkTest {

    /**
     * Operations known to answer 500, as "METHOD /pattern", left to their features' owners. Each is still sent
     * and reported; the integrator empties this list as they are fixed.
     */
    static final Set<String> KNOWN_FAILURES = Set.of();

    /** Uploads read by a background job: the start is accepted, the job itself reports the broken file. */
    static final Set<String> READ_LATER = Set.of("POST /api/data-values/import-jobs");

    /** The walkers: a county director (the attacker), the scope walk's clerks and an administrator. */
    static final List<String> WALKERS = List.of("qs_director", "school_clerk", "cg_clerk", "qs_admin");

    private static final String HUGE = "x".repeat(1 << 20);

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UserDetailsService users;

    private int operations;
    private int requests;
    private int bodies;
    private int queries;
    private int uploads;
    private int serverErrors;
    private final List<String> failures = new ArrayList<>();

    @Test
    void malformedInputNeverBreaksTheServer() throws Exception {
        for (String walker : WALKERS) {
            for (ApiEndpoints.Endpoint endpoint : ApiEndpoints.all(mappings)) {
                MethodParameter body = endpoint.body();
                if (body != null && !endpoint.multipart()) {
                    operations++;
                    for (byte[] content : bodies(body)) {
                        bodies++;
                        send(walker, endpoint, absentSamples(), Map.of(), content, true);
                    }
                }
                if (endpoint.multipart()) {
                    fuzzUpload(walker, endpoint);
                }
                if (endpoint.method() == HttpMethod.GET) {
                    fuzzQuery(walker, endpoint);
                }
            }
        }
        System.out.printf(
                "FuzzWalkTest: %d operations fuzzed, %d requests sent (%d bodies, %d query variants, %d uploads),"
                        + " %d answered 500%n",
                operations, requests, bodies, queries, uploads, serverErrors);
        failures.forEach(f -> System.out.println("FuzzWalkTest: " + f));
        assertThat(failures).isEmpty();
        assertThat(operations).as("operations fuzzed").isGreaterThan(50);
    }

    @Test
    void aBadLanguageFallsBackInsteadOfFailing() throws Exception {
        for (String url : List.of("/api/me", "/", "/login")) {
            for (String lang : List.of("<script>", "zh_CN_\u0000", "_", "en-\"x")) {
                var viaParameter = mvc.perform(MockMvcRequestBuilders.get(url)
                                .param("lang", lang)
                                .with(user(users.loadUserByUsername("qs_director"))))
                        .andReturn()
                        .getResponse();
                assertThat(viaParameter.getStatus()).as(url + "?lang=" + lang).isLessThan(500);
                var viaCookie = mvc.perform(MockMvcRequestBuilders.get(url)
                                .cookie(new jakarta.servlet.http.Cookie("dudao-lang", "x_y_z_<b>"))
                                .with(user(users.loadUserByUsername("qs_director"))))
                        .andReturn()
                        .getResponse();
                assertThat(viaCookie.getStatus()).as(url + " with a bad cookie").isLessThan(500);
            }
        }
    }

    /**
     * Each upload gets broken files (NUL, path or bidi override in the name, empty, truncated, of no known type)
     * aimed at real objects of the walker's subtree: none is a file the server can accept, so nothing is stored.
     */
    private void fuzzUpload(String walker, ApiEndpoints.Endpoint endpoint) throws Exception {
        operations++;
        Map<String, String> samples = presentSamples(walker, endpoint.pattern());
        Map<String, String> params = new LinkedHashMap<>();
        endpoint.queryParameters().keySet().forEach(p -> {
            if (samples.containsKey(p)) {
                params.put(p, samples.get(p));
            }
        });
        byte[] garbage = {1, 2, 3, 4}; // no file type the server knows: nothing gets stored
        byte[] brokenZip = {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0, 1, 2, 3};
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("a\u0000.png", garbage);
        files.put("../../etc/passwd.png", garbage);
        files.put("\u202egnp.exe", garbage);
        files.put("x".repeat(10_000) + ".png", garbage);
        files.put("empty.xlsx", new byte[0]);
        files.put("broken.xlsx", brokenZip);
        files.put("null.json", "null".getBytes(StandardCharsets.UTF_8));
        for (var file : files.entrySet()) {
            MockHttpServletRequestBuilder request = MockMvcRequestBuilders.multipart(
                            endpoint.method(), endpoint.url(samples::get))
                    .file(new MockMultipartFile(endpoint.filePart(), file.getKey(), null, file.getValue()));
            params.forEach(request::param);
            uploads++;
            send(
                    walker,
                    endpoint,
                    request,
                    "file " + describe(Map.of(), file.getKey().getBytes(StandardCharsets.UTF_8)),
                    !READ_LATER.contains(endpoint.toString()));
        }
    }

    /** Each query parameter in turn gets each bad value, the others their in-scope sample. */
    private void fuzzQuery(String walker, ApiEndpoints.Endpoint endpoint) throws Exception {
        Map<String, Class<?>> parameters = endpoint.queryParameters();
        if (parameters.isEmpty()) {
            return;
        }
        operations++;
        Map<String, String> samples = presentSamples(walker, endpoint.pattern());
        for (String name : parameters.keySet()) {
            for (String bad : List.of(
                    "abc",
                    "-1",
                    "99999999999999999999",
                    "1e309",
                    "NaN",
                    "",
                    "a\u0000b\u0007\u202e",
                    "<script>alert(1)</script>",
                    "%zz",
                    "x".repeat(100_000))) {
                Map<String, String> params = new LinkedHashMap<>();
                parameters.keySet().forEach(p -> {
                    if (samples.containsKey(p)) {
                        params.put(p, samples.get(p));
                    }
                });
                params.put(name, bad);
                queries++;
                send(walker, endpoint, samples, params, null, false);
            }
        }
    }

    private void send(
            String walker,
            ApiEndpoints.Endpoint endpoint,
            Map<String, String> samples,
            Map<String, String> params,
            byte[] body,
            boolean mustBeRefused)
            throws Exception {
        String url;
        try {
            url = endpoint.url(samples::get);
        } catch (ApiEndpoints.MissingSample e) {
            failures.add(endpoint + ": " + e.getMessage() + ": add one to FuzzWalkTest");
            return;
        }
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(endpoint.method(), url);
        params.forEach(request::param);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        send(walker, endpoint, request, describe(params, body), mustBeRefused);
    }

    private void send(
            String walker,
            ApiEndpoints.Endpoint endpoint,
            MockHttpServletRequestBuilder request,
            String what,
            boolean mustBeRefused)
            throws Exception {
        request.accept(MediaType.APPLICATION_JSON).with(user(users.loadUserByUsername(walker)));
        requests++;
        String sent = walker + " " + endpoint + " " + what;
        MockHttpServletResponse response;
        try {
            response = mvc.perform(request).andReturn().getResponse();
        } catch (Exception e) {
            serverErrors++;
            report(endpoint, sent + ": unhandled " + e);
            return;
        }
        int status = response.getStatus();
        String type = String.valueOf(response.getContentType());
        String content = response.getContentAsString(StandardCharsets.UTF_8);
        if (status >= 500) {
            serverErrors++;
            report(endpoint, sent + ": " + status + " " + ApiEndpoints.abbreviate(content));
        } else if (type.contains("html") || content.stripLeading().startsWith("<")) {
            report(endpoint, sent + ": answered HTML " + status);
        } else if (status >= 400 && !(type.contains("json") && content.contains("\"status\""))) {
            report(endpoint, sent + ": " + status + " without a problem detail: " + ApiEndpoints.abbreviate(content));
        } else if (mustBeRefused && status < 400 && !content.contains("\"valid\":false")) {
            // a check operation (POST /api/schemes/check) refuses in a 200 answer that lists the problems
            report(endpoint, sent + ": accepted a malformed body with " + status);
        }
    }

    private void report(ApiEndpoints.Endpoint endpoint, String failure) {
        if (KNOWN_FAILURES.contains(endpoint.toString())) {
            System.out.println("FuzzWalkTest (known failure): " + ApiEndpoints.abbreviate(failure));
        } else {
            failures.add(ApiEndpoints.abbreviate(failure));
        }
    }

    private static String describe(Map<String, String> params, byte[] body) {
        String text = body == null ? params.toString() : new String(body, StandardCharsets.UTF_8);
        return ApiEndpoints.abbreviate(text.replace("\u0000", "\\0")).replace(HUGE.substring(0, 300), "<long text>");
    }

    /** The bank of malformed bodies for one operation: generic ones, then each field of its type broken alone. */
    private static List<byte[]> bodies(MethodParameter parameter) {
        List<String> texts = new ArrayList<>(List.of(
                "not json",
                "{",
                "{\"a\":",
                "[]",
                "\"text\"",
                "123",
                "null",
                "{\"a\":NaN}",
                "{\"a\":1e999999}",
                "{\"a\":\"\u0000\"}",
                "{\"a\":\"" + HUGE + "\"}",
                "[".repeat(10_000) + "]".repeat(10_000),
                "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000)));
        if (parameter.isOptional()
                || !parameter
                        .getParameterAnnotation(org.springframework.web.bind.annotation.RequestBody.class)
                        .required()) {
            texts.remove("null"); // an optional body may legally be absent
        } else {
            texts.add("");
        }
        Class<?> type = parameter.getParameterType();
        if (type.isRecord()) {
            RecordComponent[] components = type.getRecordComponents();
            String first = components.length == 0 ? "a" : components[0].getName();
            texts.add("{\"%s\":\"a\",\"%s\":\"b\"}".formatted(first, first));
            for (RecordComponent component : components) {
                for (String value : badValues(component.getType(), component.getGenericType())) {
                    texts.add("{\"" + component.getName() + "\":" + value + "}");
                }
            }
        }
        List<byte[]> result = new ArrayList<>();
        texts.forEach(t -> result.add(t.getBytes(StandardCharsets.UTF_8)));
        result.add(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xc3, '(', '"', '}'}); // not UTF-8
        return result;
    }

    /** JSON values of the wrong shape for a field of this type, control characters, and huge texts for text. */
    private static List<String> badValues(Class<?> type, Type generic) {
        List<String> values = new ArrayList<>(List.of("{\"x\":{}}", "\"\\u0000\\u0007\\u202e\""));
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            values.addAll(List.of("\"abc\"", "1e400", "-99999999999999999999999", "1.5", "[1]"));
        } else if (type == Boolean.class || type == boolean.class) {
            values.addAll(List.of("\"maybe\"", "2"));
        } else if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            values.addAll(List.of("[null]", "\"x\"", "[{}]", "[[]]", "[\"" + HUGE + "\"]"));
            if (generic instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> element) {
                if (element.isRecord() && element.getRecordComponents().length > 0) {
                    String name = element.getRecordComponents()[0].getName();
                    values.addAll(List.of("[{\"" + name + "\":null}]", "[{\"" + name + "\":[[]]}]"));
                }
            }
        } else if (Map.class.isAssignableFrom(type)) {
            values.addAll(List.of("{\"a\":null}", "[]", "{\"\":{\"x\":1}}"));
        } else if (type.isEnum()) {
            values.addAll(List.of("\"NO_SUCH\"", "1", "null"));
        } else if (Temporal.class.isAssignableFrom(type)) {
            values.addAll(List.of("\"+999999999-12-31\"", "\"2026-13-45\"", "\"today\"", "-1"));
        } else if (type.isRecord()) {
            values.addAll(List.of("[]", "\"x\"", "null", "{\"a\":[null]}"));
        } else if (type == String.class) {
            values.addAll(List.of("[\"a\"]", "null", "\"\"", "\"" + HUGE + "\""));
        }
        return values;
    }

    /** Samples for writes: well-formed names of objects that do not exist, so nothing can be changed. */
    private static Map<String, String> absentSamples() {
        Map<String, String> samples = new HashMap<>();
        for (String name :
                List.of("code", "project", "orgUnit", "username", "move", "period", "schoolCode", "school")) {
            samples.put(name, "FUZZ0");
        }
        for (String name : List.of("id", "item", "notice", "version", "evidenceId", "household", "householdVisit")) {
            samples.put(name, "999999999");
        }
        samples.put("jobId", "00000000-0000-0000-0000-000000000000");
        samples.put("year", "2099"); // a calendar year nobody schedules
        return samples;
    }

    /** Samples for reads: real objects of the walker's own subtree, so the parameters reach the services. */
    private Map<String, String> presentSamples(String walker, String pattern) {
        String unit = jdbc.queryForObject(
                "select o.code from org_unit o join role_grant g on g.org_unit_id = o.id"
                        + " join app_user u on u.id = g.user_id where u.username = ? order by o.code limit 1",
                String.class,
                walker);
        String path = jdbc.queryForObject("select path from org_unit where code = ?", String.class, unit);
        Map<String, String> samples = new HashMap<>(absentSamples());
        for (String name :
                List.of("code", "orgUnit", "unit", "under", "parent", "parentCode", "schoolCode", "school")) {
            samples.put(name, unit);
        }
        samples.put("username", walker);
        samples.put("period", "2026");
        samples.put("year", "2026");
        samples.put("version", "1");
        samples.put("q", "青山");
        first(
                        "select min(p.code) from eval_project p join org_unit o on o.id = p.org_unit_id where ? like o.path || '%'"
                                + " or o.path like ?",
                        path, path + "%")
                .ifPresent(v -> samples.put("project", v));
        first("select min(id) from rectification where unit_path like ?", path + "%")
                .ifPresent(v -> samples.put("item", v));
        first("select min(id) from rectification_notice where unit_path like ?", path + "%")
                .ifPresent(v -> samples.put("notice", v));
        if (pattern.startsWith("/api/schemes/")) {
            first("select min(code) from scheme").ifPresent(v -> samples.put("code", v));
        } else if (pattern.startsWith("/api/data-items/")) {
            samples.put("code", "books");
        } else if (pattern.startsWith("/api/collection/tasks/")) {
            first("select min(id) from collection_task").ifPresent(v -> samples.put("id", v));
        } else if (pattern.startsWith("/api/evidence/")) {
            first("select min(id) from evidence").ifPresent(v -> samples.put("id", v));
        }
        return samples;
    }

    private java.util.Optional<String> first(String sql, Object... args) {
        return java.util.Optional.ofNullable(jdbc.queryForObject(sql, Object.class, args))
                .map(String::valueOf);
    }
}
