package org.dudao.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.dudao.evaluation.EvaluationFixtures;

/**
 * The scope walk's requests: a well-formed body per endpoint, a value per query parameter and a file per upload,
 * each naming the foreign unit, user or object through a placeholder ({@code ${unit}}, {@code ${user}},
 * {@code ${project}}…, see {@code ScopeWalkTest.samples}). A body that cannot be read as the endpoint's type would
 * be refused with 400 before any scope check, so each is written for its request record.
 */
final class ScopeWalkBodies {

    /** A query parameter deliberately left out: an optional filter that would only narrow what comes back. */
    static final String OMIT = "<omit>";

    /** Query parameter samples by name; {@link #QUERY_BY_ENDPOINT} overrides them for one endpoint. */
    static final Map<String, String> QUERY = Map.ofEntries(
            Map.entry("orgUnit", "${unit}"),
            Map.entry("unit", "${unit}"),
            Map.entry("under", "${unit}"),
            Map.entry("parent", "${unit}"),
            Map.entry("period", "${year}"),
            Map.entry("year", "${year}"),
            Map.entry("item", "books"),
            Map.entry("items", "books"),
            Map.entry("children", "true"),
            Map.entry("subtree", "true"),
            Map.entry("inline", "true"),
            Map.entry("dryRun", "false"), // a real import: a write that got through shows in the audit trail
            Map.entry("q", "${unitName}"), // searching for the foreign unit by name must find nothing
            Map.entry("project", "${project}"),
            Map.entry("task", OMIT),
            Map.entry("indicator", "A22"), // a manual indicator of the seeded scheme the projects use
            Map.entry("version", OMIT),
            Map.entry("format", OMIT),
            Map.entry("kind", OMIT),
            Map.entry("type", OMIT),
            Map.entry("status", OMIT),
            Map.entry("escalation", OMIT),
            Map.entry("stage", OMIT),
            Map.entry("grade", OMIT),
            Map.entry("sort", OMIT),
            Map.entry("dir", OMIT),
            Map.entry("from", "${date}"),
            Map.entry("days", "13"),
            Map.entry("to", "${date}"),
            Map.entry("phone", OMIT),
            Map.entry("school", "${unit}"),
            Map.entry("inspector", "${inspector}"),
            Map.entry("month", OMIT),
            Map.entry("page", "0"),
            Map.entry("size", "200"),
            Map.entry("township", "${unit}"),
            Map.entry("source", OMIT),
            Map.entry("overdue", OMIT),
            Map.entry("state", OMIT),
            Map.entry("rated", OMIT),
            Map.entry("field", OMIT));

    static final Map<String, Map<String, String>> QUERY_BY_ENDPOINT = Map.of(
            "GET /api/users", Map.of("q", "${user}"),
            "POST /api/evidence", Map.of("task", "${task}"));

    /** Body samples by "METHOD pattern". */
    static final Map<String, String> BODIES = Map.ofEntries(
            Map.entry("POST /api/experts", """
                    {"office":"${unitParent}","name":"越权专家","field":"巡查","homeUnit":"${unit}"}"""),
            Map.entry("PUT /api/experts/{id}", """
                    {"name":"越权专家","field":"巡查","homeUnit":"${unit}","version":0}"""),
            Map.entry("POST /api/experts/{id}/trainings", """
                    {"date":"${date}","course":"越权培训","hours":2}"""),
            Map.entry("POST /api/projects/{project}/groups/{id}/draw", "{\"count\":1,\"seed\":1}"),
            Map.entry(
                    "POST /api/projects/{project}/groups/{id}/answer", "{\"expert\":${expert},\"answer\":\"DECLINE\"}"),
            Map.entry("POST /api/projects/{project}/groups/{id}/observers", """
                    {"name":"越权观察员","role":"NPC"}"""),
            Map.entry("POST /api/projects/{project}/samples", "{\"level\":\"COUNTY\",\"count\":1,\"seed\":1}"),
            Map.entry("POST /api/projects/{project}/evaluations/{orgUnit}/onsite", """
                    {"counted":10,"corrections":[{"item":"books","value":"1","reason":"越权"}]}"""),
            Map.entry("POST /api/collection/tasks", """
                    {"name":"越权任务","period":"${year}","rootUnit":"${unit}","kinds":["SCHOOL"],
                     "deadline":"2099-12-31","sections":[{"title":"基本情况","items":["books"]}],"units":["${unit}"]}"""),
            Map.entry("POST /api/collection/tasks/{id}/remind", "{\"orgUnit\":\"${unit}\",\"message\":\"越权催报\"}"),
            Map.entry(
                    "PUT /api/collection/tasks/{id}/units/{code}", "{\"values\":{\"books\":\"4321\"},\"versions\":{}}"),
            Map.entry(
                    "POST /api/collection/tasks/{id}/units/{code}/submit",
                    "{\"values\":{\"books\":\"4321\"},\"versions\":{}}"),
            Map.entry("POST /api/collection/tasks/{id}/units/{code}/return", "{\"reason\":\"越权退回\"}"),
            Map.entry("POST /api/data-items", """
                    {"code":"walk_item","name":"越权数据项","valueType":"INTEGER","periodType":"YEAR"}"""),
            Map.entry("PUT /api/data-items/{code}", """
                    {"name":"越权改名","unit":"册","valueType":"INTEGER","periodType":"YEAR"}"""),
            Map.entry("POST /api/data-values", """
                    {"period":"${year}","values":[{"orgUnit":"${unit}","item":"books","value":"4321"}]}"""),
            Map.entry("POST /api/org-units", """
                    {"code":"WALKNEW1","name":"越权新建学校","kind":"小学","parentCode":"${unit}",
                     "enrolment":{"primary":1},"enrolmentYear":"${year}"}"""),
            Map.entry("PUT /api/org-units/{code}", """
                    {"code":"${unit}","name":"越权改名","kind":"小学","parentCode":"${unitParent}"}"""),
            Map.entry("POST /api/org-units/{code}/move", "{\"parentCode\":\"${unitParent}\"}"),
            Map.entry("POST /api/me/password", """
                    {"currentPassword":"not-the-password-1","newPassword":"walk-new-pass-1"}"""),
            Map.entry("POST /api/me/tokens", "{\"name\":\"walk\",\"days\":1}"),
            Map.entry("POST /api/users", """
                    {"username":"walk_new_user","displayName":"越权用户","password":"walk-pass-123",
                     "grants":[{"role":"CLERK","orgUnit":"${unit}"}]}"""),
            Map.entry("PUT /api/users/{username}", """
                    {"username":"${user}","displayName":"越权改名","enabled":false,
                     "grants":[{"role":"ADMIN","orgUnit":"${unit}"}]}"""),
            Map.entry("POST /api/users/{username}/password-reset", "{\"password\":\"walk-pass-123\"}"),
            Map.entry("POST /api/rectifications/{item}/plan", "{\"plan\":\"越权方案\",\"deadline\":\"${date}\"}"),
            Map.entry("POST /api/rectifications/{item}/report", "{\"progress\":\"越权报告\",\"evidence\":[${evidence}]}"),
            Map.entry("POST /api/rectifications/{item}/close", "{\"reason\":\"越权销号\"}"),
            Map.entry("POST /api/rectifications/{item}/reject", "{\"reason\":\"越权退回\"}"),
            Map.entry("POST /api/rectification-notices", """
                    {"orgUnit":"${unit}","project":"${project}","replyBy":"${date}"}"""),
            Map.entry("PUT /api/calendar/{year}", "{\"holidays\":[\"${year}-10-01\"],\"workdays\":[],\"version\":1}"),
            Map.entry("POST /api/cases", """
                    {"channel":"HOTLINE","category":"COMPLAINT","description":"越权受理","unit":"${unit}"}"""),
            Map.entry(
                    "POST /api/cases/{id}/transitions",
                    "{\"action\":\"assign\",\"unit\":\"${unit}\",\"note\":\"越权分派\"}"),
            Map.entry("POST /api/cases/categories", "{\"code\":\"WALKCAT\",\"name\":\"越权类别\",\"timeLimit\":5}"),
            Map.entry("PUT /api/cases/categories/{code}", "{\"name\":\"越权改名\",\"timeLimit\":5,\"version\":0}"),
            Map.entry("POST /api/cases/hotspots", "{\"office\":\"${unit}\",\"from\":\"${date}\",\"to\":\"${date}\"}"),
            Map.entry("PUT /api/cases/hotspots/{id}", "{\"intro\":\"越权专报\",\"version\":0}"),
            Map.entry("POST /api/cases/import", """
                    [{"channel":"HOTLINE","category":"COMPLAINT","description":"越权导入","unit":"${unit}"}]"""),
            Map.entry("POST /api/projects/{project}/ranking/publish", "{\"publicPage\":true}"),
            Map.entry("PUT /api/projects/{project}/evaluations/{orgUnit}/report", "{\"sections\":{\"A\":\"越权\"}}"),
            Map.entry("POST /api/households", "{\"name\":\"越权联系户\",\"unit\":\"${unit}\"}"),
            Map.entry("PUT /api/households/{household}", "{\"name\":\"越权改户\",\"unit\":\"${unit}\",\"version\":0}"),
            Map.entry("POST /api/households/{household}/visits", "{\"raised\":\"越权走访\"}"),
            Map.entry(
                    "POST /api/household-visits/{householdVisit}/case",
                    "{\"category\":\"COMPLAINT\",\"unit\":\"${unit}\"}"),
            Map.entry("POST /api/projects", """
                    {"code":"WALK-NEW-P","name":"越权项目","year":${year},"scheme":"YWBZH","orgUnit":"${unitParent}",
                     "deadline":"2099-12-31","publicityDays":7,"schools":["${unit}"]}"""),
            Map.entry("PUT /api/projects/{project}/quota", "{\"primary\":1,\"secondary\":1}"),
            Map.entry("POST /api/projects/{project}/groups", """
                    {"level":"COUNTY","name":"越权专家组","leader":"${user}","members":["${user}"],
                     "schools":["${unit}"]}"""),
            Map.entry("PUT /api/projects/{project}/evaluations/{orgUnit}/self", """
                    {"manual":{"A22":{"score":20}},"comment":"越权","findings":"越权","evidence":[${evidence}]}"""),
            Map.entry("PUT /api/projects/{project}/evaluations/{orgUnit}/expert-score", """
                    {"manual":{"A22":{"score":20}},"comment":"越权","findings":"越权","evidence":[${evidence}]}"""),
            Map.entry(
                    "POST /api/projects/{project}/evaluations/{orgUnit}/transitions",
                    "{\"action\":\"submit\",\"reason\":\"越权\"}"),
            Map.entry("POST /api/projects/{project}/evaluations/{orgUnit}/extension", "{\"until\":\"${date}\"}"),
            Map.entry(
                    "POST /api/projects/{project}/evaluations/{orgUnit}/objections/{id}/answer",
                    "{\"answer\":\"越权答复\"}"),
            Map.entry("PUT /api/reports/assessment/{project}/targets/{orgUnit}", "{\"target\":1,\"weight\":1}"),
            Map.entry("POST /api/schemes", ScopeWalkSamples.schemeJson("WALK-NEW-S", "越权方案", "${unit}")),
            Map.entry("POST /api/schemes/check", ScopeWalkSamples.schemeJson("WALK-NEW-S", "越权方案", "${unit}")),
            Map.entry(
                    "PUT /api/schemes/{code}/versions/{version}",
                    ScopeWalkSamples.schemeJson("${scheme}", "越权修改", "${unit}")),
            Map.entry("POST /api/schemes/{code}/clone", """
                    {"code":"WALK-CLONE","name":"越权克隆","orgUnit":"${unit}","version":1}"""),
            Map.entry("POST /api/schemes/{code}/score", "{\"unit\":\"${unit}\",\"period\":\"${year}\"}"),
            Map.entry("POST /api/schemes/import", ScopeWalkSamples.schemeJson("WALK-IMP-S", "越权导入", "${unit}")),
            Map.entry("POST /api/balance/what-if", """
                    {"unit":"${unit}","year":${year},"indicator":"books","stage":"小学","budget":100}"""),
            Map.entry("POST /api/inspectors", "{\"name\":\"越权督学\",\"kind\":\"FULL_TIME\",\"office\":\"${unit}\"}"),
            Map.entry("PUT /api/inspectors/{id}", "{\"name\":\"越权改名\",\"kind\":\"FULL_TIME\"}"),
            Map.entry("POST /api/zones", """
                    {"code":"WALK-NEW-Z","name":"越权责任区","county":"${unitParent}","schools":["${unit}"]}"""),
            Map.entry("PUT /api/zones/{code}", "{\"name\":\"越权改名\",\"schools\":[\"${unit}\"]}"),
            Map.entry("POST /api/visits", "{\"school\":\"${unit}\",\"date\":\"${date}\",\"purpose\":\"越权督导\"}"),
            Map.entry("POST /api/visits/{id}/findings", """
                    {"item":"SAFETY","finding":"越权发现","rating":"差","evidence":[${evidence}],"rectify":true,
                     "deadline":"${date}"}"""),
            Map.entry("POST /api/briefings", """
                    {"office":"${unit}","title":"越权简报","from":"${date}","until":"${date}"}"""),
            Map.entry("PUT /api/briefings/{id}", "{\"title\":\"越权改名\",\"body\":\"越权\"}"),
            Map.entry("POST /api/visits/{id}/report", "{\"report\":\"越权报告\",\"feedback\":\"越权\"}"),
            Map.entry("POST /api/inspection/items/{id}/close", "{\"note\":\"越权销号\"}"),
            Map.entry("POST /api/inspection/items/{id}/send-back", "{\"note\":\"越权退回\"}"),
            Map.entry("POST /api/inspection/summaries", """
                    {"inspector":${inspector},"kind":"MONTH","period":"2026-06","body":"越权小结"}"""),
            Map.entry("POST /api/special-inspections", """
                    {"title":"越权专项督查","county":"${unitParent}","deadline":"${date}","townships":["${unitParent}"]}"""),
            Map.entry(
                    "POST /api/special-inspections/{id}/assignments",
                    "{\"school\":\"${unit}\",\"inspector\":${inspector}}"),
            Map.entry("POST /api/special-inspections/{id}/checks/{school}", """
                    {"results":[{"item":"SAFETY","rating":"差","finding":"越权检查","evidence":[${evidence}]}]}"""),
            Map.entry(
                    "POST /api/special-inspections/{id}/checks/{school}/recheck",
                    "{\"passed\":false,\"note\":\"越权复查\"}"),
            Map.entry("POST /api/plaques/{schoolCode}/revoke", "{\"reason\":\"越权摘牌\"}"));

    /** A file to upload. */
    record FileSample(String name, byte[] content) {}

    private ScopeWalkBodies() {}

    static String body(ApiEndpoints.Endpoint endpoint) {
        return BODIES.get(endpoint.toString());
    }

    static String query(ApiEndpoints.Endpoint endpoint, String name) {
        Map<String, String> own = QUERY_BY_ENDPOINT.getOrDefault(endpoint.toString(), Map.of());
        return own.getOrDefault(name, QUERY.get(name));
    }

    /** The upload of an endpoint aimed at the foreign unit: a file the endpoint accepts when in scope. */
    static FileSample file(ApiEndpoints.Endpoint endpoint, ScopeWalkSamples samples, String unit) {
        try {
            return switch (endpoint.toString()) {
                case "POST /api/evidence",
                        "POST /api/projects/{project}/evaluations/{orgUnit}/evidence",
                        "POST /api/projects/{project}/evaluations/{orgUnit}/photos",
                        "POST /api/inspectors/{id}/photo",
                        "POST /api/visits/{id}/photos",
                        "POST /api/special-inspections/{id}/checks/{school}/photos" ->
                    new FileSample("walk.png", EvaluationFixtures.png());
                case "POST /api/data-values/import", "POST /api/data-values/import-jobs" ->
                    new FileSample("walk.xlsx", samples.dataWorkbook(unit));
                case "POST /api/calendar/import" ->
                    new FileSample(
                            "walk.ics",
                            ScopeWalkBodies.class
                                    .getResourceAsStream("/calendar/chinese-days-2026.ics")
                                    .readAllBytes());
                case "POST /api/org-units/import" -> new FileSample("walk.xlsx", samples.orgWorkbook(unit));
                case "POST /api/cases/import" -> new FileSample("walk.xlsx", caseWorkbook(unit));
                case "POST /api/schemes/import" ->
                    new FileSample(
                            "walk.json",
                            ScopeWalkSamples.schemeJson("WALK-IMP-S", "越权导入", unit)
                                    .getBytes(StandardCharsets.UTF_8));
                default -> null;
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A day's work orders in the import template's columns: one for the foreign unit. */
    private static byte[] caseWorkbook(String unit) throws IOException {
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
                var out = new java.io.ByteArrayOutputStream()) {
            var sheet = wb.createSheet();
            String[][] rows = {{"channel", "category", "description", "unit"}, {"HOTLINE", "COMPLAINT", "越权导入", unit}};
            for (int r = 0; r < rows.length; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) row.createCell(c).setCellValue(rows[r][c]);
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    /** Samples for endpoints that no longer exist (or no longer take a body): the tables must stay true. */
    static List<String> stale(List<ApiEndpoints.Endpoint> endpoints) {
        Set<String> withBody = endpoints.stream()
                .filter(e -> e.body() != null && !e.multipart())
                .map(Object::toString)
                .collect(Collectors.toSet());
        Set<String> all = endpoints.stream().map(Object::toString).collect(Collectors.toSet());
        List<String> stale = new ArrayList<>();
        BODIES.keySet().stream()
                .filter(k -> !withBody.contains(k))
                .forEach(k -> stale.add(k + ": body sample for no endpoint taking a body"));
        QUERY_BY_ENDPOINT.keySet().stream()
                .filter(k -> !all.contains(k))
                .forEach(k -> stale.add(k + ": query samples for no endpoint"));
        return stale;
    }
}
