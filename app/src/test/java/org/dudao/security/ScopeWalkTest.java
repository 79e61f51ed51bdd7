package org.dudao.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.dudao.support.Api;
import org.dudao.support.DudaoTest;
import org.dudao.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Walks every REST endpoint the application has, as users of one subtree, aiming every path variable, query
 * parameter and body field at objects of another subtree. No call may answer with the foreign data, none may
 * write into the foreign subtree (every write is audited, so the foreign audit trail must not grow), and none
 * may fail with a 500. Endpoints added later are walked automatically; a new path variable name must be given
 * an out-of-scope sample in {@link #samples}.
 */
@DudaoTest
class ScopeWalkTest {

    /** A user, the foreign subtree they must not reach, and text that only foreign data contains. */
    record Actor(String username, String foreignUnit, String foreignPathCode, List<String> markers) {}

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    org.springframework.security.core.userdetails.UserDetailsService users;

    /** A scheme owned by the other county, created once: the walk aims scheme paths at it. */
    static final String FOREIGN_SCHEME = "WALK-DH";
    /** Another user's finished import job, written straight to its table: the walk aims job paths at it. */
    static final String FOREIGN_JOB = "00000000-0000-0000-0000-00000000d1d1";

    /** Another county's collection task and evidence file, and another user's access token, created once. */
    String foreignToken;

    String foreignTask;
    String foreignEvidence;

    @org.junit.jupiter.api.BeforeEach
    void foreignObjects() throws Exception {
        // the walk creates tokens for its own actors, so the token sample must be someone else's, fixed up front
        foreignToken = String.valueOf(
                jdbc.queryForObject("select min(id) from access_token where name = 'walk-foreign'", Long.class));
        if ("null".equals(foreignToken)) {
            String body = new Api(mvc)
                    .post("dh_director", "/api/me/tokens", "{\"name\":\"walk-foreign\"}")
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status()
                            .isCreated())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            foreignToken = String.valueOf(com.jayway.jsonpath.JsonPath.<Object>read(body, "$.id"));
        }
        foreignTask = String.valueOf(
                jdbc.queryForObject("select min(id) from collection_task where name = '东湖区越界任务'", Long.class));
        if ("null".equals(foreignTask)) {
            String body = new Api(mvc)
                    .post("dh_director", "/api/collection/tasks", """
                    {"name":"东湖区越界任务","period":"2026","rootUnit":"JB0102","kinds":["SCHOOL"],
                     "deadline":"2099-12-31","sections":[{"title":"基本情况","items":["books"]}]}""")
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status()
                            .isCreated())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            foreignTask = String.valueOf(com.jayway.jsonpath.JsonPath.<Object>read(body, "$.id"));
        }
        foreignEvidence = String.valueOf(
                jdbc.queryForObject("select min(id) from evidence where file_name = 'walk.png'", Long.class));
        if ("null".equals(foreignEvidence)) {
            byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0};
            String body = mvc.perform(MockMvcRequestBuilders.multipart("/api/evidence")
                            .file(new MockMultipartFile("file", "walk.png", "image/png", png))
                            .param("orgUnit", "JB01020101")
                            .with(user(users.loadUserByUsername("dh_director"))))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            foreignEvidence = String.valueOf(com.jayway.jsonpath.JsonPath.<Object>read(body, "$.id"));
        }
        if (jdbc.queryForObject("select count(*) from import_job where id = ?", Integer.class, FOREIGN_JOB) == 0) {
            var now = TestClock.now().atOffset(java.time.ZoneOffset.UTC);
            jdbc.update(
                    "insert into import_job (id, owner, dry_run, phase, started_at, updated_at, finished_at)"
                            + " values (?, 'dh_director', false, 'DONE', ?, ?, ?)",
                    FOREIGN_JOB,
                    now,
                    now,
                    now);
        }
        if (jdbc.queryForObject("select count(*) from scheme where code = ?", Integer.class, FOREIGN_SCHEME) == 0) {
            new Api(mvc)
                    .post("dh_director", "/api/schemes", """
                    {"code":"%s","name":"东湖区越界方案","maxScore":10,
                     "grades":[{"name":"合格","min":6},{"name":"不合格","min":0}],
                     "indicators":[{"code":"A","name":"图书","points":10,
                                    "rule":{"type":"THRESHOLD","item":"books","op":">=","standard":1}}],
                     "vetoes":[]}""".formatted(FOREIGN_SCHEME))
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status()
                            .isCreated());
        }
    }

    @Test
    void noEndpointLetsAUserReadOrWriteOutsideTheirSubtree() throws Exception {
        List<Actor> actors = List.of(
                // a county director looking into the other county
                new Actor("qs_director", "JB01020101", "JB0102", List.of("JB0102", "东湖区")),
                // a school clerk looking at a sibling school of the same township
                new Actor("school_clerk", "JB01010102", "JB01010102", List.of("JB01010102")),
                // a township clerk looking at the county seat's schools
                new Actor("cg_clerk", "JB010193", "JB010193", List.of("JB010193", "青山县实验小学")));
        String markerName = jdbc.queryForObject("select name from org_unit where code = 'JB01010102'", String.class);
        List<String> failures = new ArrayList<>();
        int calls = 0;
        for (Actor actor : actors) {
            List<String> markers = new ArrayList<>(actor.markers());
            markers.add("东湖区越界方案");
            if (actor.username().equals("school_clerk")) {
                markers.add(markerName);
            }
            String foreignPath = jdbc.queryForObject(
                    "select path from org_unit where code = ?", String.class, actor.foreignPathCode());
            int auditBefore = foreignAudit(foreignPath);
            for (ApiEndpoints.Endpoint endpoint : ApiEndpoints.all(mappings)) {
                if (endpoint.isPublic()) {
                    continue;
                }
                calls++;
                String problem = call(actor, markers, endpoint);
                if (problem != null) {
                    failures.add(actor.username() + " " + endpoint + ": " + problem);
                }
            }
            int auditAfter = foreignAudit(foreignPath);
            if (auditAfter != auditBefore) {
                failures.add(actor.username() + " wrote " + (auditAfter - auditBefore) + " audited change(s) into "
                        + actor.foreignPathCode());
            }
        }
        assertThat(failures).isEmpty();
        assertThat(calls).as("endpoints walked").isGreaterThan(40);
    }

    private String call(Actor actor, List<String> markers, ApiEndpoints.Endpoint endpoint) throws Exception {
        String pattern = endpoint.pattern();
        HttpMethod method = endpoint.method();
        Map<String, String> samples = new java.util.HashMap<>(samples(actor));
        if (pattern.startsWith("/api/schemes/")) {
            samples.put("code", FOREIGN_SCHEME);
        } else if (pattern.startsWith("/api/collection/tasks/") || pattern.startsWith("/api/data-values/import")) {
            samples.put("id", foreignTask);
        } else if (pattern.startsWith("/api/evidence/")) {
            samples.put("id", foreignEvidence);
        }
        // the item catalogue is shared by the whole tree: anyone may read it, only its root may change it
        boolean shared = pattern.startsWith("/api/data-items/");
        if (shared) {
            samples.put("code", "books");
        }
        String url;
        try {
            url = endpoint.url(samples::get);
        } catch (ApiEndpoints.MissingSample e) {
            return e.getMessage() + ": add an out-of-scope one to ScopeWalkTest";
        }
        boolean hasVariables = endpoint.hasVariables();
        boolean multipart = endpoint.multipart();
        MockHttpServletRequestBuilder request = multipart
                ? MockMvcRequestBuilders.multipart(method, url)
                        .file(new MockMultipartFile("file", "x.xlsx", "application/octet-stream", new byte[] {1, 2}))
                : MockMvcRequestBuilders.request(method, url);
        // every query parameter that names a unit points outside
        for (String name : endpoint.queryParameters().keySet()) {
            String value = samples.get(name);
            if (value != null) {
                request.param(name, value);
            }
        }
        // signed in directly (HTTP Basic itself is tested elsewhere): saves a bcrypt check per call
        request.with(user(users.loadUserByUsername(actor.username()))).accept(MediaType.APPLICATION_JSON);
        if (!multipart && (method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH)) {
            request.contentType(MediaType.APPLICATION_JSON).content(body(actor));
        }
        MockHttpServletResponse response;
        try {
            response = mvc.perform(request).andReturn().getResponse();
        } catch (Exception e) {
            return "unhandled " + e;
        }
        int status = response.getStatus();
        String content = response.getContentAsString();
        if (status >= 500) {
            return "status " + status + " " + ApiEndpoints.abbreviate(content);
        }
        if (status >= 200 && status < 300) {
            if (hasVariables && !(shared && method == HttpMethod.GET)) {
                return (method == HttpMethod.GET ? "read" : "changed") + " an out-of-scope object: " + status + " "
                        + ApiEndpoints.abbreviate(content);
            }
            for (String marker : markers) {
                if (content.contains(marker)) {
                    return "leaked \"" + marker + "\": " + ApiEndpoints.abbreviate(content);
                }
            }
        }
        return null;
    }

    /** Out-of-scope samples per path variable or query parameter name. */
    private Map<String, String> samples(Actor actor) {
        String foreignUser = actor.username().equals("qs_director") ? "dh_director" : "city_director";
        String unit = actor.foreignUnit();
        // an evaluation project owned by 东湖区 (seeded by the evaluation demo data), outside every actor's scope
        String project = jdbc.queryForObject(
                "select min(p.code) from eval_project p join org_unit o "
                        + "on o.id = p.org_unit_id where o.code = 'JB0102'",
                String.class);
        String dhPath = jdbc.queryForObject("select path from org_unit where code = 'JB0102'", String.class);
        Long item = jdbc.queryForObject(
                "select min(id) from rectification where unit_path like ?", Long.class, dhPath + "%");
        Long notice = jdbc.queryForObject(
                "select min(id) from rectification_notice where unit_path like ?", Long.class, dhPath + "%");
        return Map.ofEntries(
                Map.entry("project", project == null ? "DH-BZH" : project),
                Map.entry("item", String.valueOf(item == null ? 999_999 : item)),
                Map.entry("notice", String.valueOf(notice == null ? 999_999 : notice)),
                Map.entry("code", unit),
                Map.entry("orgUnit", unit),
                Map.entry("parent", unit),
                Map.entry("under", unit),
                Map.entry("unit", unit),
                Map.entry("username", foreignUser),
                Map.entry("id", foreignToken),
                Map.entry("period", "2026"),
                Map.entry("version", "1"),
                Map.entry("jobId", FOREIGN_JOB));
    }

    private static String body(Actor actor) {
        String unit = actor.foreignUnit();
        return """
                {"code":"%s","orgUnit":"%s","parentCode":"%s","name":"越权测试","displayName":"越权测试",
                 "kind":"小学","period":"2026","username":"walk_x","password":"walk12345",
                 "grants":[{"role":"ADMIN","orgUnit":"%s"}],
                 "values":[{"orgUnit":"%s","item":"students_primary","value":"1"}],
                 "enrolment":{"primary":1}}""".formatted(unit, unit, unit, unit, unit);
    }

    private int foreignAudit(String path) {
        return jdbc.queryForObject("select count(*) from audit_log where scope_path like ?", Integer.class, path + "%");
    }

    @Test
    void everyEndpointNeedsAuthentication() throws Exception {
        Set<String> open = new TreeSet<>();
        for (ApiEndpoints.Endpoint endpoint : ApiEndpoints.all(mappings)) {
            if (endpoint.isPublic()) {
                continue;
            }
            int status = mvc.perform(MockMvcRequestBuilders.request(endpoint.method(), endpoint.url(name -> "x")))
                    .andReturn()
                    .getResponse()
                    .getStatus();
            if (status != 401) {
                open.add(endpoint + " → " + status);
            }
        }
        assertThat(open).isEmpty();
    }
}
