package org.dudao.inspection;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.dudao.support.Api;

/** Schools, inspectors and zones a test creates for itself (codes of its own, under 城关镇 of 青山县). */
final class InspectionFixtures {

    private final Api api;

    InspectionFixtures(Api api) {
        this.api = api;
    }

    /** A 小学 under 城关镇 (JB010101), where cg_inspector works. */
    void school(String code, String name) throws Exception {
        api.post("admin", "/api/org-units", """
                {"code":"%s","name":"%s","kind":"小学","parentCode":"JB010101"}""".formatted(code, name)).andExpect(status().isCreated());
    }

    /** The head of a school, signing in as {@code head_<code>} with the demo password. */
    String head(String school) throws Exception {
        String username = "head_" + school.toLowerCase();
        api.post("admin", "/api/users", """
                {"username":"%s","displayName":"校长%s","password":"%s","mustChangePassword":false,
                 "grants":[{"role":"HEAD","orgUnit":"%s"}]}""".formatted(username, school, Api.PASSWORD, school))
                .andExpect(status().isCreated());
        return username;
    }

    /** An inspector of 青山县's office, optionally signing in as {@code username}; returns the id. */
    long inspector(String name, String username) throws Exception {
        String body = api.post("qs_director", "/api/inspectors", """
                        {"name":"%s","kind":"FULL_TIME","office":"JB0101","certificate":"QS-%s","phone":"13900000000",
                         "certificateExpires":"2027-12-31","term":4,"termStart":"2024-01-01","termEnd":"2026-12-31"%s}""".formatted(
                                name, name.hashCode(), username == null ? "" : ",\"username\":\"" + username + "\""))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    /** A zone of 青山县 holding {@code schools}, all assigned to {@code inspector}. */
    void zone(String code, long inspector, String... schools) throws Exception {
        StringBuilder assignments = new StringBuilder();
        for (String s : schools) {
            assignments
                    .append(assignments.isEmpty() ? "" : ",")
                    .append("{\"school\":\"%s\",\"inspector\":%d}".formatted(s, inspector));
        }
        api.post("qs_director", "/api/zones", """
                {"code":"%s","name":"测试责任区%s","county":"JB0101","lead":%d,"schools":[%s],"assignments":[%s]}""".formatted(
                                code, code, inspector, "\"" + String.join("\",\"", schools) + "\"", assignments))
                .andExpect(status().isCreated());
    }
}
