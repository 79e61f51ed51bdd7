package org.dudao.security;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dudao.evaluation.EvaluationFixtures;
import org.dudao.support.Api;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The objects the scope walk aims at, created by the walk itself through the API (or, for what only a long
 * workflow produces, straight into their tables) and found again by their own names, since the suite shares one
 * database: tasks, projects, schemes, evidence, rectification items, notices and objections of 东湖区, of 青山县
 * and of the city, each holding the units the walkers must not reach.
 */
final class ScopeWalkSamples {

    static final int YEAR = EvaluationFixtures.YEAR;
    /** Scheme of the other county, and one of the city (readable by everyone below, writable by no walker). */
    static final String DH_SCHEME = "WALK-DH";

    static final String CITY_SCHEME = "WALK-JB01";
    /** Projects of 东湖区, of 青山县 (with the clerks' siblings) and of the city (with schools of both counties). */
    static final String DH_PROJECT = "WALK-DH-P";

    static final String QS_PROJECT = "WALK-QS-P";
    static final String CITY_PROJECT = "WALK-JB01-P";
    /** Another user's finished import job, written straight to its table. */
    static final String FOREIGN_JOB = "00000000-0000-0000-0000-00000000d1d1";
    /** The units the walkers must not reach: a 东湖区 school, a sibling of school_clerk's, the county seat's school. */
    static final List<String> FOREIGN_UNITS = List.of("JB01020101", "JB01010102", "JB010193");

    private final Api api;
    private final JdbcTemplate jdbc;
    /** The samples of each walker and aim, looked up once. */
    private final Map<String, Map<String, String>> baseSamples = new HashMap<>();

    ScopeWalkSamples(MockMvc mvc, JdbcTemplate jdbc) {
        this.api = new Api(mvc);
        this.jdbc = jdbc;
    }

    /** Creates what is missing; safe to call before every test. */
    void create() throws Exception {
        if (id("select min(id) from access_token where name = 'walk-foreign'") == null) {
            created(api.post("dh_director", "/api/me/tokens", "{\"name\":\"walk-foreign\"}"));
        }
        task("东湖区越界任务", "dh_director", "JB0102", null);
        task("青山县巡查任务", "qs_director", "JB0101", null);
        task("临川市巡查任务", "city_director", "JB01", List.of("JB01010101", "JB01010102", "JB010193", "JB01020101"));
        scheme(DH_SCHEME, "东湖区越界方案", "dh_director", "JB0102");
        scheme(CITY_SCHEME, "临川市巡查方案", "city_director", "JB01");
        project(DH_PROJECT, "dh_director", "JB0102", List.of("JB01020101"));
        project(QS_PROJECT, "qs_director", "JB0101", List.of("JB01010101", "JB01010102", "JB010193"));
        project(CITY_PROJECT, "city_director", "JB01", List.of("JB01010101", "JB01010102", "JB010193", "JB01020101"));
        for (String unit : FOREIGN_UNITS) {
            String owner = unit.startsWith("JB0102") ? "dh_director" : "qs_director";
            String project = unit.startsWith("JB0102") ? DH_PROJECT : QS_PROJECT;
            evidence(unit, owner);
            item(unit, project);
            notice(unit, project, owner);
            kase(unit, owner);
            household(unit, owner);
            user(unit);
        }
        for (String project : List.of(DH_PROJECT, QS_PROJECT, CITY_PROJECT)) {
            for (String unit : FOREIGN_UNITS) {
                createObjection(project, unit);
            }
        }
        createInspection();
        createExperts();
        if (jdbc.queryForObject("select count(*) from import_job where id = ?", Integer.class, FOREIGN_JOB) == 0) {
            var now = org.dudao.support.TestClock.now().atOffset(ZoneOffset.UTC);
            jdbc.update(
                    "insert into import_job (id, owner, dry_run, phase, started_at, updated_at, finished_at)"
                            + " values (?, 'dh_director', false, 'DONE', ?, ?, ?)",
                    FOREIGN_JOB,
                    now,
                    now,
                    now);
        }
    }

    /**
     * Samples by path variable and placeholder name: everything naming a unit, user or object names a foreign
     * one; the project, task and scheme are the aim's (foreign, or in the walker's tree holding the foreign unit).
     */
    Map<String, String> values(ScopeWalkTest.Actor actor, ScopeWalkTest.Aim aim, String pattern) {
        Map<String, String> s = new HashMap<>(
                baseSamples.computeIfAbsent(actor.username() + " " + aim.name(), k -> baseSamples(actor, aim)));
        if (pattern.startsWith("/api/schemes/")) {
            s.put("code", aim.scheme());
        } else if (pattern.startsWith("/api/data-items/")) {
            s.put("code", "books"); // the catalogue is shared by the whole tree: only its root may change it
        } else {
            s.put("code", actor.foreignUnit());
        }
        if (pattern.startsWith("/api/collection/tasks/")) {
            s.put("id", aim.task());
        } else if (pattern.startsWith("/api/evidence/")) {
            s.put("id", s.get("evidence"));
        } else if (pattern.startsWith("/api/me/tokens/")) {
            s.put("id", s.get("token"));
        } else if (pattern.startsWith("/api/cases/")) {
            s.put("id", s.get("case"));
        } else if (pattern.contains("/objections/")) {
            s.put("id", s.get("objection"));
        } else if (pattern.startsWith("/api/inspectors/")) {
            s.put("id", s.get("inspector"));
        } else if (pattern.startsWith("/api/experts/")) {
            s.put("id", s.get("expert"));
        } else if (pattern.contains("/groups/")) {
            s.put("id", groupOf());
        } else if (pattern.startsWith("/api/visits/")) {
            s.put("id", visit(actor.foreignUnit()));
        } else if (pattern.startsWith("/api/briefings/")) {
            s.put("id", briefingOf(actor.foreignUnit()));
        } else if (pattern.startsWith("/api/inspection/items/")) {
            s.put("id", s.get("item"));
        } else if (pattern.startsWith("/api/zones/")) {
            s.put("code", zoneOf(actor.foreignUnit()));
        } else if (pattern.startsWith("/api/special-inspections/")) {
            s.put("id", specialOf(actor.foreignUnit()));
        }
        return s;
    }

    private Map<String, String> baseSamples(ScopeWalkTest.Actor actor, ScopeWalkTest.Aim aim) {
        String unit = actor.foreignUnit();
        Map<String, String> s = new HashMap<>();
        s.put("unit", unit);
        s.put("orgUnit", unit);
        s.put("unitName", name(unit));
        s.put("unitParent", parent(unit));
        s.put("user", userOf(unit));
        s.put("username", userOf(unit));
        s.put("project", aim.project());
        s.put("task", aim.task());
        s.put("scheme", aim.scheme());
        s.put("evidence", evidence(unit));
        s.put("item", item(unit));
        s.put("notice", notice(unit));
        s.put("case", kase(unit));
        s.put("household", household(unit));
        s.put("householdVisit", householdVisit(unit));
        s.put("objection", objection(aim.project(), unit));
        s.put("token", token());
        s.put("jobId", FOREIGN_JOB);
        s.put("schoolCode", unit);
        s.put("school", unit);
        s.put("inspector", inspectorOf(unit));
        s.put("expert", expertOf(unit));
        s.put("version", "1");
        s.put("year", String.valueOf(YEAR));
        s.put("date", today(30));
        return s;
    }

    String token() {
        return String.valueOf(id("select min(id) from access_token where name = 'walk-foreign'"));
    }

    String task(String name) {
        return String.valueOf(id("select min(id) from collection_task where name = ?", name));
    }

    /** The walk's evidence file of a unit. */
    String evidence(String unit) {
        return String.valueOf(id(
                "select min(e.id) from evidence e join org_unit o on o.id = e.org_unit_id"
                        + " where o.code = ? and e.file_name = 'walk.png'",
                unit));
    }

    /** The walk's rectification item of a unit. */
    String item(String unit) {
        return String.valueOf(id(
                "select min(r.id) from rectification r join org_unit o on o.id = r.org_unit_id"
                        + " where o.code = ? and r.source_ref like 'WALK-%'",
                unit));
    }

    /** The walk's case of a unit. */
    String kase(String unit) {
        return String.valueOf(id(
                "select min(c.id) from case_file c join org_unit o on o.id = c.org_unit_id"
                        + " where o.code = ? and c.description = '巡查案件'",
                unit));
    }

    /** The walk's household (民情联系) of a unit. */
    String household(String unit) {
        return String.valueOf(id(
                "select min(h.id) from contact_household h join org_unit o on o.id = h.org_unit_id"
                        + " where o.code = ? and h.name = '巡查联系户'",
                unit));
    }

    /** The visit logged for the walk's household of a unit. */
    String householdVisit(String unit) {
        return String.valueOf(id(
                "select min(v.id) from contact_visit v join contact_household h on h.id = v.household_id"
                        + " join org_unit o on o.id = h.org_unit_id where o.code = ? and h.name = '巡查联系户'",
                unit));
    }

    String notice(String unit) {
        return String.valueOf(id(
                "select min(n.id) from rectification_notice n join org_unit o on o.id = n.org_unit_id"
                        + " where o.code = ? and n.source_ref like 'WALK-%'",
                unit));
    }

    /** An objection against the unit's file in the project, or (no such file) against the 东湖区 school's. */
    String objection(String project, String unit) {
        Long id = id(
                "select min(b.id) from objection b join evaluation e on e.id = b.evaluation_id"
                        + " join eval_project p on p.id = e.project_id join org_unit o on o.id = e.org_unit_id"
                        + " where p.code = ? and o.code = ?",
                project,
                unit);
        return String.valueOf(
                id != null
                        ? id
                        : id(
                                "select min(b.id) from objection b join evaluation e on e.id = b.evaluation_id"
                                        + " join eval_project p on p.id = e.project_id where p.code = ?",
                                DH_PROJECT));
    }

    /** The head of a unit: the walk's user for the two 青山县 units, the other county's director for 东湖区. */
    static String userOf(String unit) {
        return unit.startsWith("JB0102") ? "dh_director" : "walk_" + unit.toLowerCase();
    }

    /** A collection workbook for the unit as the export writes it, with a value differing from the stored one. */
    byte[] dataWorkbook(String unit) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet("数据");
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue("单位代码");
            header.createCell(1).setCellValue("单位名称");
            header.createCell(2).setCellValue("图书");
            Row codes = sheet.createRow(1);
            codes.createCell(0).setCellValue("#code");
            codes.createCell(1).setCellValue("#name");
            codes.createCell(2).setCellValue("books");
            Row row = sheet.createRow(2);
            row.createCell(0).setCellValue(unit);
            row.createCell(1).setCellValue(name(unit));
            row.createCell(2).setCellValue(987_654);
            wb.createSheet("_dudao").createRow(0).createCell(0).setCellValue("period");
            wb.getSheet("_dudao").getRow(0).createCell(1).setCellValue(String.valueOf(YEAR));
            return bytes(wb);
        }
    }

    /** An org unit workbook in the import layout: a new school under the unit. */
    byte[] orgWorkbook(String unit) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet("units");
            String[] header = {"code", "name", "kind", "parentCode", "primary"};
            String[] values = {"WALKIMP1", "越权导入学校", "小学", unit, "100"};
            Row h = sheet.createRow(0);
            Row r = sheet.createRow(1);
            for (int c = 0; c < header.length; c++) {
                h.createCell(c).setCellValue(header[c]);
                r.createCell(c).setCellValue(values[c]);
            }
            return bytes(wb);
        }
    }

    /** A scheme as JSON, owned by {@code orgUnit}. */
    static String schemeJson(String code, String name, String orgUnit) {
        return """
                {"code":"%s","name":"%s","orgUnit":"%s","maxScore":10,
                 "grades":[{"name":"合格","min":6},{"name":"不合格","min":0}],
                 "indicators":[{"code":"A","name":"图书","points":10,
                                "rule":{"type":"THRESHOLD","item":"books","op":">=","standard":1}}],
                 "vetoes":[]}""".formatted(code, name, orgUnit);
    }

    String name(String unit) {
        return jdbc.queryForObject("select name from org_unit where code = ?", String.class, unit);
    }

    String parent(String unit) {
        return jdbc.queryForObject(
                "select p.code from org_unit o join org_unit p on p.id = o.parent_id where o.code = ?",
                String.class,
                unit);
    }

    String path(String unit) {
        return jdbc.queryForObject("select path from org_unit where code = ?", String.class, unit);
    }

    private void task(String name, String owner, String root, List<String> units) throws Exception {
        if (id("select min(id) from collection_task where name = ?", name) == null) {
            created(api.post(owner, "/api/collection/tasks", """
                    {"name":"%s","period":"%d","rootUnit":"%s","kinds":["SCHOOL"],"deadline":"2099-12-31",
                     "sections":[{"title":"基本情况","items":["books"]}]%s}""".formatted(
                            name, YEAR, root, units == null ? "" : ",\"units\":" + json(units))));
        }
    }

    private void scheme(String code, String name, String owner, String unit) throws Exception {
        if (id("select min(id) from scheme where code = ?", code) == null) {
            created(api.post(owner, "/api/schemes", schemeJson(code, name, unit)));
        }
    }

    private void project(String code, String owner, String unit, List<String> schools) throws Exception {
        if (id("select min(id) from eval_project where code = ?", code) == null) {
            created(api.post(owner, "/api/projects", """
                    {"code":"%s","name":"巡查项目 %s","year":%d,"scheme":"YWBZH","orgUnit":"%s",
                     "deadline":"2099-12-31","publicityDays":7,"schools":%s}""".formatted(code, code, YEAR, unit, json(schools))));
        }
    }

    /** A case of the unit, taken in by its county's office. */
    private void kase(String unit, String owner) throws Exception {
        if (kase(unit).equals("null")) {
            created(api.post(owner, "/api/cases", """
                    {"channel":"HOTLINE","category":"COMPLAINT","description":"巡查案件","unit":"%s",
                     "reporterName":"巡查来电人"}""".formatted(unit)));
        }
    }

    /** A household of the unit kept by its county's director, with one visit in the diary. */
    private void household(String unit, String owner) throws Exception {
        if (household(unit).equals("null")) {
            String body = api.post(owner, "/api/households", """
                            {"name":"巡查联系户","phone":"13700000000","unit":"%s"}""".formatted(unit))
                    .andExpect(status().isCreated())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            int id = JsonPath.read(body, "$.id");
            created(api.post(owner, "/api/households/" + id + "/visits", "{\"raised\":\"巡查走访\"}"));
        }
    }

    private void evidence(String unit, String owner) throws Exception {
        if (evidence(unit).equals("null")) {
            created(api.upload(owner, "/api/evidence", "walk.png", EvaluationFixtures.png(), "orgUnit", unit));
        }
    }

    /** An open item as drafting leaves it (drafting needs a finished evaluation, a workflow of its own). */
    private void item(String unit, String project) {
        if (item(unit).equals("null")) {
            var now = org.dudao.support.TestClock.now().atOffset(ZoneOffset.UTC);
            jdbc.update(
                    "insert into rectification (source, source_ref, org_unit_id, unit_path, code, problem, status,"
                            + " created_at, updated_at) select 'EVALUATION', ?, id, path, 'A21', '巡查整改事项',"
                            + " 'PLANNING', ?, ? from org_unit where code = ?",
                    project,
                    now,
                    now,
                    unit);
        }
    }

    private void notice(String unit, String project, String owner) throws Exception {
        if (notice(unit).equals("null")) {
            created(api.post(
                    owner,
                    "/api/rectification-notices",
                    "{\"orgUnit\":\"%s\",\"project\":\"%s\"}".formatted(unit, project)));
        }
    }

    private void user(String unit) throws Exception {
        String username = userOf(unit);
        if (id("select min(id) from app_user where username = ?", username) == null) {
            created(api.post("admin", "/api/users", """
                    {"username":"%s","displayName":"%s 校长","password":"%s","mustChangePassword":false,
                     "grants":[{"role":"HEAD","orgUnit":"%s"}]}""".formatted(username, name(unit), Api.PASSWORD, unit)));
        }
    }

    /** An objection as the public page leaves it (a file reaches 公示 only at the end of the workflow). */
    private void createObjection(String project, String unit) {
        Long evaluation = id(
                "select min(e.id) from evaluation e join eval_project p on p.id = e.project_id"
                        + " join org_unit o on o.id = e.org_unit_id where p.code = ? and o.code = ?",
                project,
                unit);
        if (evaluation != null && id("select min(id) from objection where evaluation_id = ?", evaluation) == null) {
            jdbc.update(
                    "insert into objection (evaluation_id, body, contact, submitted_at) values (?, ?, ?, ?)",
                    evaluation,
                    "巡查异议 " + unit,
                    "13800000000",
                    org.dudao.support.TestClock.now().atOffset(ZoneOffset.UTC));
        }
    }

    // ---- expert pool: an expert working at each foreign unit, a group of 东湖区's project ------------------------

    private void createExperts() throws Exception {
        for (String unit : FOREIGN_UNITS) {
            String county = unit.substring(0, 6);
            if (expertOf(unit).equals("null")) {
                created(api.post(county.equals("JB0102") ? "dh_director" : "qs_director", "/api/experts", """
                        {"office":"%s","name":"巡查专家%s","field":"巡查","homeUnit":"%s"}""".formatted(
                                county, unit, unit)));
            }
        }
        if (groupOf().equals("null")) {
            jdbc.update(
                    "insert into expert_group (project_id, review_level, name, leader, members, units, created_at)"
                            + " select id, 'COUNTY', '巡查专家组', 'dh_director', '', '', ? from eval_project where code = ?",
                    org.dudao.support.TestClock.now().atOffset(ZoneOffset.UTC),
                    DH_PROJECT);
        }
    }

    /** The walk's expert working at a unit. */
    String expertOf(String unit) {
        return String.valueOf(id("select min(id) from expert where name = ?", "巡查专家" + unit));
    }

    /** The walk's expert group of 东湖区's project (aimed at through every project: never one of theirs). */
    String groupOf() {
        return String.valueOf(id("select min(id) from expert_group where name = '巡查专家组'"));
    }

    // ---- inspection: an inspector and a zone per county, a visit per foreign unit ----------------------------

    private void createInspection() throws Exception {
        for (String county : List.of("JB0101", "JB0102")) {
            String owner = county.equals("JB0102") ? "dh_director" : "qs_director";
            if (id("select min(i.id) from inspector i where i.name = ?", "巡查督学" + county) == null) {
                created(api.post(owner, "/api/inspectors", """
                        {"name":"巡查督学%s","kind":"FULL_TIME","office":"%s"}""".formatted(county, county)));
            }
            if (id("select min(id) from inspection_zone where code = ?", "WALK-Z-" + county) == null) {
                created(api.post(owner, "/api/zones", """
                        {"code":"WALK-Z-%s","name":"巡查责任区","county":"%s","lead":%s}""".formatted(county, county, inspectorOf(county))));
            }
        }
        for (String county : List.of("JB0101", "JB0102")) {
            if (briefingOf(county).equals("null")) {
                created(api.post(
                        county.equals("JB0102") ? "dh_director" : "qs_director", "/api/briefings", """
                        {"office":"%s","title":"巡查简报","from":"%s","until":"%s"}""".formatted(
                                        county, today(-30), today(0))));
            }
        }
        for (String county : List.of("JB0101", "JB0102")) {
            if (specialOf(county).equals("null")) {
                created(api.post(
                        county.equals("JB0102") ? "dh_director" : "qs_director",
                        "/api/special-inspections",
                        """
                        {"title":"巡查专项督查","county":"%s","deadline":"%s",
                         "kinds":["小学","初中","九年一贯制学校","完全中学","高中","职高","幼儿园"]}""".formatted(county, today(30))));
            }
        }
        for (String unit : FOREIGN_UNITS) {
            if (visit(unit).equals("null")) {
                created(api.post(
                        unit.startsWith("JB0102") ? "dh_director" : "qs_director", "/api/visits", """
                        {"school":"%s","inspector":%s,"date":"%s","purpose":"巡查督导"}""".formatted(
                                        unit, inspectorOf(unit), today(1))));
            }
        }
    }

    /** The walk's inspector of the county a unit lies in. */
    String inspectorOf(String unit) {
        return String.valueOf(id("select min(id) from inspector where name = ?", "巡查督学" + unit.substring(0, 6)));
    }

    String zoneOf(String unit) {
        return "WALK-Z-" + unit.substring(0, 6);
    }

    /** The walk's briefing of the county a unit lies in. */
    String briefingOf(String unit) {
        return String.valueOf(id(
                "select min(b.id) from inspection_briefing b join org_unit o on o.id = b.office_id"
                        + " where o.code = ? and b.title = '巡查简报'",
                unit.substring(0, 6)));
    }

    /** The walk's special inspection of the county a unit lies in (all its schools). */
    String specialOf(String unit) {
        return String.valueOf(id(
                "select min(s.id) from special_inspection s join org_unit o on o.id = s.county_id"
                        + " where o.code = ? and s.title = '巡查专项督查'",
                unit.substring(0, 6)));
    }

    /** The walk's visit to a unit. */
    String visit(String unit) {
        return String.valueOf(id(
                "select min(v.id) from inspection_visit v join org_unit o on o.id = v.school_id"
                        + " where o.code = ? and v.purpose = '巡查督导'",
                unit));
    }

    static String today(int plusDays) {
        return org.dudao.support.TestClock.today().plusDays(plusDays).toString();
    }

    private Long id(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    private static void created(org.springframework.test.web.servlet.ResultActions result) throws Exception {
        result.andExpect(status().isCreated());
    }

    private static String json(List<String> codes) {
        return codes.stream().map(c -> "\"" + c + "\"").toList().toString().replace(" ", "");
    }

    private static byte[] bytes(XSSFWorkbook wb) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        wb.write(out);
        return out.toByteArray();
    }

    static String jsonValue(String json, String path) {
        return String.valueOf(JsonPath.<Object>read(json, path));
    }
}
