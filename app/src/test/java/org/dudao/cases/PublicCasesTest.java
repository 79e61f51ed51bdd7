package org.dudao.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.net.URI;
import java.util.List;
import org.dudao.evaluation.EvaluationFixtures;
import org.dudao.support.Api;
import org.dudao.support.DudaoTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * The public files a case without signing in (a county or township, a photo) and tracks it by its code: status and
 * steps, never the reporter or the office's notes. A robot's post (honeypot) keeps nothing; an oversized or
 * non-image photo, a school as the unit, or a missing description refuse the whole form with 400.
 */
@DudaoTest
class PublicCasesTest {

    @Autowired
    MockMvc mvc;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
    }

    private MockMultipartHttpServletRequestBuilder filing(String unit, String description) {
        MockMultipartHttpServletRequestBuilder request = multipart("/public/cases/new");
        request.param("unit", unit)
                .param("category", "COMPLAINT")
                .param("description", description)
                .param("address", "城关镇东街 12 号")
                .with(csrf());
        return request;
    }

    private String cases(String user, String query) throws Exception {
        return api.get(user, "/api/cases" + query).andReturn().getResponse().getContentAsString();
    }

    @Test
    void thePublicFilesACaseWithAPhotoAndTracksItWithoutSeeingNamesOrNotes() throws Exception {
        String form = mvc.perform(get("/public/cases/new"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(form).contains("青山县").contains("城关镇").contains("name=\"website\"");

        MvcResult filed = mvc.perform(filing("JB010101", "校车超载，每天早上挤满学生")
                        .file(new MockMultipartFile("photo", "bus.png", "image/png", EvaluationFixtures.png()))
                        .param("name", "王公开")
                        .param("phone", "13600009999")
                        .param("latitude", "28.1")
                        .param("longitude", "115.9"))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        String location = filed.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/public/cases/track?code=");
        String code = location.substring(location.indexOf("code=") + 5);
        assertThat(code).matches("[2-9A-HJKMNP-Z]{12}");

        // the office finds it by the reporter's phone: an online case with the photo attached
        String found = cases("qs_director", "?phone=13600009999");
        List<Integer> ids = JsonPath.read(found, "$[?(@.description=='校车超载，每天早上挤满学生')].id");
        assertThat(ids).hasSize(1);
        int id = ids.get(0);
        api.get("qs_director", "/api/cases/" + id)
                .andExpect(jsonPath("$.channel").value("ONLINE"))
                .andExpect(jsonPath("$.unit").value("JB010101"))
                .andExpect(jsonPath("$.latitude").value(28.1))
                .andExpect(jsonPath("$.evidence.length()").value(1))
                .andExpect(jsonPath("$.reporter.name").value("王公开"));
        api.post("qs_director", "/api/cases/" + id + "/transitions", """
                        {"action":"extend","days":3,"note":"内部备注：需交通部门会同"}""").andExpect(status().isOk());

        String tracked = mvc.perform(get(URI.create(location)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(tracked)
                .contains("已受理")
                .contains("城关镇")
                .contains("批准延期")
                .doesNotContain("王公开")
                .doesNotContain("13600009999")
                .doesNotContain("内部备注")
                .doesNotContain("qs_director");
        // typed in lower case with a dash it still finds the case; a made-up code does not exist
        mvc.perform(get("/public/cases/track")
                        .param("code", code.substring(0, 6).toLowerCase() + "-" + code.substring(6)))
                .andExpect(status().isOk());
        mvc.perform(get("/public/cases/track").param("code", "ABCDEFGHJKMN")).andExpect(status().isNotFound());
        mvc.perform(get("/public/cases/track").param("code", String.valueOf(id)))
                .andExpect(status().isNotFound());
    }

    @Test
    void robotsOversizedPhotosAndBadFieldsKeepNothing() throws Exception {
        // the honeypot: answered like anyone, nothing kept
        mvc.perform(filing("JB010101", "蜜罐机器人留言").param("website", "http://spam.example"))
                .andExpect(status().is3xxRedirection());
        assertThat(cases("admin", "?unit=JB010101")).doesNotContain("蜜罐机器人留言");

        byte[] big = new byte[6 * 1024 * 1024];
        String answer = mvc.perform(
                        filing("JB010101", "超大照片留言").file(new MockMultipartFile("photo", "big.png", "image/png", big)))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(answer).contains("照片不能超过 5 MB");
        String notImage = mvc.perform(filing("JB010101", "不是图片的照片")
                        .file(new MockMultipartFile("photo", "x.png", "image/png", "not a picture".getBytes())))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(notImage).contains("public-photo-error");
        mvc.perform(filing("JB01010101", "学校不能直接选")).andExpect(status().isBadRequest());
        mvc.perform(filing("JB010101", "")).andExpect(status().isBadRequest());
        mvc.perform(filing("JB010101", "长".repeat(4001))).andExpect(status().isBadRequest());
        mvc.perform(filing("JB010101", "坐标只填一半").param("latitude", "28.1")).andExpect(status().isBadRequest());
        String all = cases("admin", "?unit=JB010101");
        assertThat(all).doesNotContain("超大照片留言").doesNotContain("不是图片的照片").doesNotContain("坐标只填一半");
    }
}
