package org.dudao.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.dudao.support.DudaoTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.MessageSource;
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
 * Walks every REST endpoint the application has, as a school clerk, a township clerk, a county director and a
 * county administrator, twice: once aimed at objects of the other county, once at objects of the walker's own
 * tree (a project, task and scheme they may read) holding a unit they must not reach — a sibling school, the
 * county seat's school, a school of the other county. Every path variable, query parameter, body field and file
 * that names a unit, user or object names a foreign one, and every request is otherwise well-formed, so each call
 * reaches the scope check. A call passes with 403 or 404, or with 2xx when nothing foreign was addressed in the
 * path and no foreign text came back, or with 400 when a body field naming the foreign unit is refused as a unit
 * that does not exist; every other status fails unless {@link #REFUSED_BEFORE_SCOPE} explains it. No call may
 * write into the foreign subtree (every write is audited, so its audit trail must not grow), and the walk makes
 * exactly endpoints × aims × walkers calls.
 *
 * <p>Endpoints added later are walked automatically; a new path variable, query parameter, body or file needs a
 * sample ({@link ScopeWalkSamples#values}, {@link ScopeWalkBodies}), and the walk fails naming the one missing.
 */
@DudaoTest
class ScopeWalkTest {

    /**
     * A walker, the unit they must not reach, the foreign subtree whose audit trail must stay untouched, the owner
     * of the in-tree objects holding that unit, and text only foreign data contains.
     */
    record Actor(String username, String foreignUnit, String foreignScope, String inTree, List<String> markers) {}

    /** The objects one pass aims at; {@code foreign}: they belong to the other county, else to the walker's tree. */
    record Aim(String name, boolean foreign, String project, String task, String scheme) {}

    static final List<Actor> ACTORS = List.of(
            // a school clerk and the sibling school of the same township
            new Actor("school_clerk", "JB01010102", "JB01010102", "JB0101", List.of("JB01010102", "JB0102", "东湖区")),
            // a township clerk and the county seat's school, outside the township
            new Actor("cg_clerk", "JB010193", "JB010193", "JB0101", List.of("JB010193", "JB0102", "东湖区")),
            // a county director and a county administrator (users, audit) and the other county's school
            new Actor("qs_director", "JB01020101", "JB0102", "JB01", List.of("JB0102", "东湖区")),
            new Actor("qs_admin", "JB01020101", "JB0102", "JB01", List.of("JB0102", "东湖区")));

    /**
     * Answers other than 403/404/2xx that are right for an endpoint, with the reason: the request names nothing
     * foreign the server could have looked at first. Keep it tiny; anything else here hides a request the walk
     * sent broken or a service that validates or checks state before scope.
     */
    static final Map<String, String> REFUSED_BEFORE_SCOPE = Map.of(
            "POST /api/me/password",
            "400: changes the caller's own password only; sent with a wrong current password so the walkers keep"
                    + " theirs");

    /** Messages of a refusal by field that says "no such unit for you" (see {@code Call.refusedByField}). */
    static final List<String> SCOPE_REFUSALS = List.of("collection.error.unit-unknown", "org.error.parent-unknown");

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UserDetailsService users;

    @Autowired
    MessageSource messages;

    ScopeWalkSamples samples;

    @BeforeEach
    void createSamples() throws Exception {
        samples = new ScopeWalkSamples(mvc, jdbc);
        samples.create();
    }

    @Test
    void noEndpointLetsAUserReadOrWriteOutsideTheirSubtree() throws Exception {
        List<ApiEndpoints.Endpoint> endpoints =
                ApiEndpoints.all(mappings).stream().filter(e -> !e.isPublic()).toList();
        List<String> failures = new ArrayList<>(ScopeWalkBodies.stale(endpoints));
        int calls = 0;
        int expected = 0;
        for (Actor actor : ACTORS) {
            List<String> markers = new ArrayList<>(actor.markers());
            markers.add(samples.name(actor.foreignUnit()));
            int auditBefore = foreignAudit(actor);
            Map<Integer, Integer> outcomes = new TreeMap<>();
            int mine = 0;
            List<Aim> aims = aims(actor);
            for (Aim aim : aims) {
                for (ApiEndpoints.Endpoint endpoint : endpoints) {
                    Call call = new Call(actor, aim, endpoint, markers);
                    String problem = call.run(outcomes);
                    if (call.sent) {
                        mine++;
                    }
                    if (problem != null) {
                        failures.add(actor.username() + " [" + aim.name() + "] " + endpoint + ": " + problem);
                    }
                }
            }
            int auditAfter = foreignAudit(actor);
            if (auditAfter != auditBefore) {
                failures.add(actor.username() + " wrote " + (auditAfter - auditBefore) + " audited change(s) into "
                        + actor.foreignScope());
            }
            System.out.printf(
                    "ScopeWalkTest: %s walked %d endpoints × %d aims: %d calls, outcomes by status %s%n",
                    actor.username(), endpoints.size(), aims.size(), mine, outcomes);
            calls += mine;
            expected += endpoints.size() * aims.size();
        }
        failures.forEach(f -> System.out.println("ScopeWalkTest: " + f));
        assertThat(failures).isEmpty();
        assertThat(expected).as("every endpoint × two aims × four walkers").isEqualTo(endpoints.size() * 2 * 4);
        assertThat(calls).as("calls made").isEqualTo(expected);
    }

    /** The other county's objects, then the walker's own tree's objects holding the unit they must not reach. */
    private List<Aim> aims(Actor actor) {
        boolean county = actor.inTree().equals("JB01");
        return List.of(
                new Aim("东湖区", true, ScopeWalkSamples.DH_PROJECT, samples.task("东湖区越界任务"), ScopeWalkSamples.DH_SCHEME),
                new Aim(
                        county ? "临川市" : "青山县",
                        false,
                        county ? ScopeWalkSamples.CITY_PROJECT : ScopeWalkSamples.QS_PROJECT,
                        samples.task(county ? "临川市巡查任务" : "青山县巡查任务"),
                        ScopeWalkSamples.CITY_SCHEME));
    }

    /** One request of the walk: built from the samples, sent, and judged. */
    private final class Call {
        final Actor actor;
        final Aim aim;
        final ApiEndpoints.Endpoint endpoint;
        final List<String> markers;
        final Map<String, String> values;
        boolean sent;

        Call(Actor actor, Aim aim, ApiEndpoints.Endpoint endpoint, List<String> markers) {
            this.actor = actor;
            this.aim = aim;
            this.endpoint = endpoint;
            this.markers = markers;
            this.values = samples.values(actor, aim, endpoint.pattern());
        }

        String run(Map<Integer, Integer> outcomes) throws Exception {
            String url;
            try {
                url = endpoint.url(values::get);
            } catch (ApiEndpoints.MissingSample e) {
                return e.getMessage() + ": add an out-of-scope one to ScopeWalkSamples.values";
            }
            MockHttpServletRequestBuilder request;
            if (endpoint.multipart()) {
                ScopeWalkBodies.FileSample file = ScopeWalkBodies.file(endpoint, samples, actor.foreignUnit());
                if (file == null) {
                    return "no sample file: add one to ScopeWalkBodies.file";
                }
                request = MockMvcRequestBuilders.multipart(endpoint.method(), url)
                        .file(new MockMultipartFile(endpoint.filePart(), file.name(), null, file.content()));
            } else {
                request = MockMvcRequestBuilders.request(endpoint.method(), url);
            }
            for (String name : endpoint.queryParameters().keySet()) {
                String value = ScopeWalkBodies.query(endpoint, name);
                if (value == null) {
                    return "no sample for query parameter " + name + ": add one to ScopeWalkBodies.QUERY";
                }
                // an optional filter naming the foreign unit is tried on the other county's objects; on the
                // walker's own objects it is left out, so the whole list is read and searched for foreign text
                boolean unfiltered = !aim.foreign()
                        && value.contains("${unit")
                        && !endpoint.requiredQueryParameters().contains(name);
                if (value.equals(ScopeWalkBodies.OMIT) || unfiltered) {
                    if (endpoint.requiredQueryParameters().contains(name)) {
                        return "query parameter " + name + " is required: give it a sample in ScopeWalkBodies.QUERY";
                    }
                    continue;
                }
                request.param(name, fill(value));
            }
            if (endpoint.body() != null) {
                String body = ScopeWalkBodies.body(endpoint);
                if (body == null) {
                    return "no sample body: add one to ScopeWalkBodies.BODIES";
                }
                request.contentType(MediaType.APPLICATION_JSON).content(fill(body));
            }
            // signed in directly (HTTP Basic itself is tested elsewhere): saves a bcrypt check per call
            request.with(user(users.loadUserByUsername(actor.username()))).accept(MediaType.APPLICATION_JSON);
            MockHttpServletResponse response;
            sent = true;
            try {
                response = mvc.perform(request).andReturn().getResponse();
            } catch (Exception e) {
                return "unhandled " + e;
            }
            int status = response.getStatus();
            outcomes.merge(status, 1, Integer::sum);
            String content = text(response);
            String problem = judge(status, content);
            if (problem == null && status < 300 && endpoint.toString().equals("POST /api/data-values/import-jobs")) {
                problem = awaitJob(ScopeWalkSamples.jsonValue(content, "$.id"));
            }
            return problem;
        }

        private String judge(int status, String content) {
            if (status == 403 || status == 404) {
                return null;
            }
            if (status >= 200 && status < 300) {
                String foreign = foreignInPath();
                if (foreign != null) {
                    return (endpoint.method() == HttpMethod.GET ? "read" : "changed") + " an out-of-scope object ("
                            + foreign + "): " + status + " " + ApiEndpoints.abbreviate(content);
                }
                for (String marker : markers) {
                    if (content.contains(marker)) {
                        return "leaked \"" + marker + "\": " + ApiEndpoints.abbreviate(content);
                    }
                }
                return null;
            }
            if (status == 400 && refusedByField(content)) {
                return null;
            }
            if (status < 500 && REFUSED_BEFORE_SCOPE.containsKey(endpoint.toString())) {
                return null;
            }
            return "answered " + status + " (a request that never reached the scope check, or a scope check that"
                    + " came too late): " + ApiEndpoints.abbreviate(content);
        }

        /**
         * A unit named in a body field is checked like any input: out of scope it is refused next to the field,
         * with the words used for a unit that does not exist (existence not revealed). Such a 400 is the scope
         * check answering, and passes when it names the foreign unit.
         */
        private boolean refusedByField(String content) {
            for (String key : SCOPE_REFUSALS) {
                String text = messages.getMessage(key, new Object[] {actor.foreignUnit()}, Locale.SIMPLIFIED_CHINESE);
                if (content.contains(text)) {
                    return true;
                }
            }
            return false;
        }

        /** The first path variable naming a foreign object, or null. */
        private String foreignInPath() {
            for (String name : endpoint.variables()) {
                boolean container = name.equals("project")
                        || (name.equals("id") && endpoint.pattern().startsWith("/api/collection/tasks/"))
                        || (name.equals("code") && endpoint.pattern().startsWith("/api/schemes/"));
                boolean shared = name.equals("version")
                        || (name.equals("code") && endpoint.pattern().startsWith("/api/data-items/"))
                        || (name.equals("year") && endpoint.pattern().startsWith("/api/calendar/"));
                if (!shared && (aim.foreign() || !container)) {
                    return "{" + name + "} = " + values.get(name);
                }
            }
            return null;
        }

        /**
         * A started import runs on: wait for its end (so its writes count in this walker's audit check) and require
         * that it refused the foreign unit, not that it failed on something else.
         */
        private String awaitJob(String id) throws Exception {
            for (int i = 0; i < 400; i++) {
                if (jdbc.queryForObject(
                                "select count(*) from import_job where id = ? and finished_at is not null",
                                Integer.class,
                                id)
                        > 0) {
                    String job = mvc.perform(MockMvcRequestBuilders.get("/api/data-values/import-jobs/" + id)
                                    .with(user(users.loadUserByUsername(actor.username()))))
                            .andReturn()
                            .getResponse()
                            .getContentAsString(StandardCharsets.UTF_8);
                    boolean refused = job.contains("\"imported\":0")
                            && (job.contains("\"NOT_FOUND\"") || job.contains("\"FORBIDDEN\""));
                    return refused
                            ? null
                            : "import job did not refuse the foreign unit: " + ApiEndpoints.abbreviate(job);
                }
                Thread.sleep(50);
            }
            return "import job " + id + " did not finish in 20 s";
        }

        private String fill(String template) {
            String result = template;
            for (var e : values.entrySet()) {
                result = result.replace("${" + e.getKey() + "}", e.getValue());
            }
            if (result.contains("${")) {
                throw new IllegalStateException("unknown placeholder in " + template);
            }
            return result;
        }
    }

    /** The answer as text; a workbook as the text of its cells, so foreign text in an export is found too. */
    private static String text(MockHttpServletResponse response) throws Exception {
        byte[] body = response.getContentAsByteArray();
        if (body.length < 4 || body[0] != 'P' || body[1] != 'K') {
            return response.getContentAsString(StandardCharsets.UTF_8);
        }
        StringBuilder text = new StringBuilder();
        DataFormatter format = new DataFormatter();
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(body))) {
            for (Sheet sheet : wb) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        text.append(format.formatCellValue(cell)).append('\t');
                    }
                    text.append('\n');
                }
            }
        }
        return text.toString();
    }

    private int foreignAudit(Actor actor) {
        return jdbc.queryForObject(
                "select count(*) from audit_log where scope_path like ?",
                Integer.class,
                samples.path(actor.foreignScope()) + "%");
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
