package org.dudao.scheme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dudao.support.Api;
import org.dudao.support.DudaoTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Corrections of a draft scheme version carry the revision they read (issue 11, finding 7): a stale one is a 409,
 * a missing one a 400, and of many parallel corrections from the same revision exactly one wins.
 */
@DudaoTest
class SchemeVersionConflictTest {

    @Autowired
    MockMvc mvc;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
    }

    static String correction(String code, String name, Integer revision) {
        String doc = SchemeApiTest.scheme(code).replace("测试方案", name);
        return revision == null ? doc : doc.replaceFirst("\\{", "{\"revision\":" + revision + ",");
    }

    @Test
    void aStaleOrMissingRevisionIsRefused() throws Exception {
        api.post("qs_director", "/api/schemes", SchemeApiTest.scheme("T-REV-1")).andExpect(status().isCreated());
        api.get("qs_director", "/api/schemes/T-REV-1/versions/1")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.revision").value(0));
        api.put("qs_director", "/api/schemes/T-REV-1/versions/1", correction("T-REV-1", "无版本", null))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("revision"));
        api.put("qs_director", "/api/schemes/T-REV-1/versions/1", correction("T-REV-1", "第一次更正", 0))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("第一次更正"))
                .andExpect(jsonPath("$.revision").value(1));
        // a second editor still holding revision 0 must not overwrite the first correction
        api.put("qs_director", "/api/schemes/T-REV-1/versions/1", correction("T-REV-1", "过时的更正", 0))
                .andExpect(status().isConflict());
        api.get("qs_director", "/api/schemes/T-REV-1/versions/1")
                .andExpect(jsonPath("$.name").value("第一次更正"))
                .andExpect(jsonPath("$.revision").value(1));
    }

    @Test
    void ofFiftyParallelCorrectionsFromOneRevisionExactlyOneWins() throws Exception {
        api.post("qs_director", "/api/schemes", SchemeApiTest.scheme("T-REV-50"))
                .andExpect(status().isCreated());
        int editors = 50;
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Integer> statuses = new ArrayList<>();
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < editors; i++) {
                String body = correction("T-REV-50", "并发更正 " + i, 0);
                calls.add(pool.submit(() -> {
                    go.await();
                    return api.put("qs_director", "/api/schemes/T-REV-50/versions/1", body)
                            .andReturn()
                            .getResponse()
                            .getStatus();
                }));
            }
            go.countDown();
            for (Future<Integer> call : calls) {
                statuses.add(call.get(120, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        Map<Integer, Long> byStatus =
                statuses.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(byStatus).containsExactlyInAnyOrderEntriesOf(Map.of(200, 1L, 409, (long) editors - 1));
        api.get("qs_director", "/api/schemes/T-REV-50/versions/1")
                .andExpect(jsonPath("$.revision").value(1));
    }
}
