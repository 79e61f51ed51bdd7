package org.dudao.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** Calls the REST API as a demo user (HTTP Basic, password demo1234). */
public final class Api {

    public static final String PASSWORD = "demo1234";
    private final MockMvc mvc;

    public Api(MockMvc mvc) {
        this.mvc = mvc;
    }

    public ResultActions get(String user, String url, Object... vars) throws Exception {
        return call(user, HttpMethod.GET, url, null, vars);
    }

    public ResultActions post(String user, String url, String json, Object... vars) throws Exception {
        return call(user, HttpMethod.POST, url, json, vars);
    }

    public ResultActions put(String user, String url, String json, Object... vars) throws Exception {
        return call(user, HttpMethod.PUT, url, json, vars);
    }

    public ResultActions delete(String user, String url, Object... vars) throws Exception {
        return call(user, HttpMethod.DELETE, url, null, vars);
    }

    /** Uploads one file as the multipart part "file", with extra form parameters as name, value pairs. */
    public ResultActions upload(String user, String url, String fileName, byte[] content, String... params)
            throws Exception {
        var request = MockMvcRequestBuilders.multipart(url)
                .file(new org.springframework.mock.web.MockMultipartFile("file", fileName, null, content));
        for (int i = 0; i + 1 < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        request.accept(MediaType.APPLICATION_JSON).with(httpBasic(user, PASSWORD));
        return mvc.perform(request);
    }

    public ResultActions call(String user, HttpMethod method, String url, String json, Object... vars)
            throws Exception {
        MockHttpServletRequestBuilder request =
                MockMvcRequestBuilders.request(method, url, vars).accept(MediaType.APPLICATION_JSON);
        if (user != null) {
            request.with(httpBasic(user, PASSWORD));
        }
        if (json != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json);
        }
        return mvc.perform(request);
    }
}
