package org.dudao.home;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.Map;
import org.dudao.support.Api;
import org.dudao.support.DudaoTest;
import org.dudao.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The demo data shows the whole acceptance flow with the README's users: each of them finds their step of this
 * year's project of 青山县 on the 工作台, the 公示 runs on the public page, last year's project gave plaques with
 * their certificates, and a 限期整改通知书 went out with its 文号.
 */
@DudaoTest
class DemoFlowTest {

    private static final int YEAR = TestClock.year();
    private static final String PROJECT = "QS-BZH-" + YEAR;
    private static final String NAME = "青山县" + YEAR + "年义务教育学校标准化建设评估验收";

    @Autowired
    MockMvc mvc;

    @Test
    void eachReadmeUserSeesTheirStepOnTheWorkbench() throws Exception {
        Api api = new Api(mvc);
        assertThat(step(api, "school_clerk", "todo.evaluation.self"))
                .containsEntry("count", 1)
                .containsEntry("link", "/evaluation/" + PROJECT + "/JB01010101");
        assertThat(step(api, "school_head", "todo.evaluation.sign"))
                .containsEntry("count", 1)
                .containsEntry("link", "/evaluation/" + PROJECT + "/JB01010101");
        assertThat(step(api, "cg_clerk", "todo.evaluation.township")).containsEntry("count", 1);
        assertThat(step(api, "qs_expert", "todo.evaluation.score")).containsEntry("count", 2);
        assertThat(step(api, "qs_director", "todo.evaluation.approve-county")).containsEntry("count", 1);
        assertThat(step(api, "city_director", "todo.evaluation.approve-city")).containsEntry("count", 1);
    }

    @Test
    void theDemoShowsAPublicityAPlaqueAndANotice() throws Exception {
        Api api = new Api(mvc);
        // 公示 in progress, on the public page, without login
        String publicity = mvc.perform(get("/api/public/projects/" + PROJECT + "/publicity"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(JsonPath.<List<Object>>read(publicity, "$.schools")).isNotEmpty();
        assertThat(JsonPath.<String>read(publicity, "$.project.number")).matches("青督〔\\d{4}〕\\d+号");

        // last year's project awarded plaques: two certified files with their certificate
        String lastYear = "QS-BZH-" + (YEAR - 1);
        List<String> stages =
                JsonPath.read(body(api, "qs_director", "/api/projects/" + lastYear + "/evaluations"), "$[*].stage");
        assertThat(stages).containsExactly("CERTIFIED", "CERTIFIED");
        api.get("qs_director", "/api/projects/" + lastYear + "/evaluations/JB01010304/certificate.pdf")
                .andExpect(status().isOk());

        // a 限期整改通知书 with its 文号 for a school below 达标
        List<Integer> notices = JsonPath.read(
                body(api, "qs_director", "/api/rectifications?unit=JB0101"),
                "$[?(@.sourceRef == '" + PROJECT + "' && @.notice)].notice");
        assertThat(notices).isNotEmpty();
        String notice = body(api, "qs_director", "/api/rectification-notices/" + notices.get(0));
        assertThat(JsonPath.<String>read(notice, "$.number")).matches("青督〔\\d{4}〕\\d+号");
    }

    /** The user's one 待办 of this kind for this year's demo project of 青山县. */
    private static Map<String, Object> step(Api api, String user, String kind) throws Exception {
        List<Map<String, Object>> todos = JsonPath.read(body(api, user, "/api/me/todos"), "$");
        List<Map<String, Object>> found = todos.stream()
                .filter(t ->
                        kind.equals(t.get("kind")) && t.get("title").toString().contains(NAME))
                .toList();
        assertThat(found).as(user + " " + kind + " in " + todos).hasSize(1);
        return found.get(0);
    }

    private static String body(Api api, String user, String path) throws Exception {
        return api.get(user, path)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }
}
