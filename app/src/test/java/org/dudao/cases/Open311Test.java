package org.dudao.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.dudao.support.Api;
import org.dudao.support.DudaoTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Open311 GeoReport v2 over the cases: services are the categories; a request filed with a personal access token as
 * api_key is a case that is polled open, moved through the normal transitions and then reads closed with the unit's
 * answer; errors are the spec's array; another county's key finds nothing.
 */
@DudaoTest
class Open311Test {

    @Autowired
    MockMvc mvc;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
    }

    private String token(String user) throws Exception {
        String body = api.post(user, "/api/me/tokens", "{\"name\":\"open311-" + user + "\",\"days\":30}")
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$.token");
    }

    private ResultActions file(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.contentType(MediaType.APPLICATION_FORM_URLENCODED));
    }

    @Test
    void servicesAreTheCategoriesWithoutAttributes() throws Exception {
        mvc.perform(get("/open311/v2/services.json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].service_code", hasItem("COMPLAINT")))
                .andExpect(jsonPath("$[0].metadata").value(false))
                .andExpect(jsonPath("$[0].type").value("realtime"));
        mvc.perform(get("/open311/v2/services/COMPLAINT.json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.service_code").value("COMPLAINT"))
                .andExpect(jsonPath("$.attributes.length()").value(0));
        mvc.perform(get("/open311/v2/services/NOPE.json"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$[0].code").value(404));
    }

    @Test
    void aRequestIsFiledPolledOpenHandledAndReadsClosed() throws Exception {
        String key = token("qs_director");
        // no key, a wrong key: 401 in the spec's error format
        file(post("/open311/v2/requests.json")
                        .param("service_code", "COMPLAINT")
                        .param("description", "x"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$[0].code").value(401))
                .andExpect(jsonPath("$[0].description").isNotEmpty());
        file(post("/open311/v2/requests.json")
                        .param("api_key", "dd_not-a-token")
                        .param("service_code", "COMPLAINT"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$[0].code").value(401));
        mvc.perform(get("/open311/v2/requests.json").param("api_key", "dd_wrong"))
                .andExpect(status().isUnauthorized());
        // bad input: 400 naming the spec's fields
        file(post("/open311/v2/requests.json")
                        .param("api_key", key)
                        .param("service_code", "NOPE")
                        .param("description", "位置缺失"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$[0].code").value(400))
                .andExpect(jsonPath("$[0].description", startsWith("address_string")));
        file(post("/open311/v2/requests.json")
                        .param("api_key", key)
                        .param("service_code", "NOPE")
                        .param("description", "类别不存在")
                        .param("address_string", "城关镇"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$[0].description", startsWith("service_code")));
        // a key whose user may not take cases in there
        file(post("/open311/v2/requests.json")
                        .param("api_key", token("school_clerk"))
                        .param("jurisdiction_id", "JB01010101")
                        .param("service_code", "COMPLAINT")
                        .param("description", "无权受理")
                        .param("address_string", "城关镇"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$[0].code").value(403));

        String created = file(post("/open311/v2/requests.json")
                        .param("api_key", key)
                        .param("jurisdiction_id", "JB010101")
                        .param("service_code", "COMPLAINT")
                        .param("description", "Open311 路灯不亮影响学生夜间回家")
                        .param("lat", "28.12")
                        .param("long", "115.91")
                        .param("email", "citizen@example.org")
                        .param("first_name", "三")
                        .param("last_name", "张")
                        .param("phone", "13500001234"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$[0].service_notice").hasJsonPath())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = JsonPath.read(created, "$[0].service_request_id");

        mvc.perform(get("/open311/v2/requests/" + id + ".json").param("api_key", key))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].service_request_id").value(id))
                .andExpect(jsonPath("$[0].status").value("open"))
                .andExpect(jsonPath("$[0].service_code").value("COMPLAINT"))
                .andExpect(jsonPath("$[0].service_name").value("投诉"))
                .andExpect(jsonPath("$[0].agency_responsible").value("城关镇"))
                .andExpect(jsonPath("$[0].lat").value(28.12))
                .andExpect(jsonPath("$[0].long").value(115.91))
                .andExpect(jsonPath("$[0].requested_datetime", startsWith("2026-06-15T")))
                .andExpect(jsonPath("$[0].requested_datetime").value(org.hamcrest.Matchers.endsWith("+08:00")))
                .andExpect(jsonPath("$[0].expected_datetime").value("2026-07-03T23:59:59+08:00"));
        api.get("qs_director", "/api/cases/" + id)
                .andExpect(jsonPath("$.channel").value("ONLINE"))
                .andExpect(jsonPath("$.reporter.name").value("张三"));
        mvc.perform(get("/open311/v2/requests.json")
                        .param("api_key", key)
                        .param("service_request_id", id + ",999999999")
                        .param("status", "open"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1));
        mvc.perform(get("/open311/v2/requests.json")
                        .param("api_key", key)
                        .param("service_code", "COMPLAINT")
                        .param("start_date", "2026-06-15T00:00:00+08:00")
                        .param("end_date", "2026-06-16T00:00:00+08:00"))
                .andExpect(jsonPath("$[*].service_request_id", hasItem(id)));
        mvc.perform(get("/open311/v2/requests.json").param("api_key", key).param("status", "pending"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$[0].code").value(400));
        mvc.perform(get("/open311/v2/requests.json").param("api_key", key).param("start_date", "yesterday"))
                .andExpect(status().isBadRequest());
        // another county's key does not find it
        String other = token("dh_director");
        mvc.perform(get("/open311/v2/requests/" + id + ".json").param("api_key", other))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$[0].code").value(404));
        String theirs = mvc.perform(
                        get("/open311/v2/requests.json").param("api_key", other).param("service_request_id", id))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(theirs).isEqualTo("[]");

        // the normal transitions; then the request reads closed with the unit's answer
        String move = "/api/cases/" + id + "/transitions";
        api.post("qs_director", move, "{\"action\":\"assign\",\"unit\":\"JB010101\"}")
                .andExpect(status().isOk());
        api.post("admin", move, "{\"action\":\"answer\",\"note\":\"已更换路灯\"}").andExpect(status().isOk());
        api.post("qs_director", move, "{\"action\":\"verify\"}").andExpect(status().isOk());
        api.post("qs_director", move, "{\"action\":\"close\"}").andExpect(status().isOk());
        mvc.perform(get("/open311/v2/requests/" + id + ".json").param("api_key", key))
                .andExpect(jsonPath("$[0].status").value("closed"))
                .andExpect(jsonPath("$[0].status_notes").value("已更换路灯"));
        mvc.perform(get("/open311/v2/requests.json")
                        .param("api_key", key)
                        .param("service_request_id", id)
                        .param("status", "closed"))
                .andExpect(jsonPath("$.length()").value(1));
    }
}
