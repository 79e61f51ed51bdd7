package org.dudao.rectification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dudao.evaluation.EvaluationFixtures.transition;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import org.dudao.data.DataValues;
import org.dudao.evaluation.EvaluationFixtures;
import org.dudao.org.OrgUnits;
import org.dudao.support.Api;
import org.dudao.support.DudaoTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The items of a file closed below 达标 are drafted through the event publication registry: when drafting fails
 * the close still stands, the publication stays incomplete, and the retry drafts the items exactly once.
 */
@DudaoTest
class DraftingRetryTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrgUnits orgUnits;

    @Autowired
    DataValues values;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DraftingRetry retry;

    @Test
    void aFailedDraftingIsRetriedAndDraftsOnce() throws Exception {
        Api api = new Api(mvc);
        EvaluationFixtures fx = new EvaluationFixtures(api, orgUnits, values);
        fx.basicPrimary("RCDR01", "整改重试小学");
        fx.project("T-RC-DR", "2099-12-31", 7, "RCDR01");
        String f = "/api/projects/T-RC-DR/evaluations/RCDR01";
        fx.scoredByCounty("T-RC-DR", "RCDR01");

        // the database refuses the items while the file closes
        jdbc.execute("alter table rectification rename to rectification_away");
        try {
            api.post("qs_director", f + "/transitions", transition("approve", null))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.grade").value("基本达标"));
        } finally {
            jdbc.execute("alter table rectification_away rename to rectification");
        }
        api.get("qs_director", "/api/rectifications?unit=RCDR01")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(0)));
        assertThat(incomplete()).isEqualTo(1);

        retry.resubmitOlderThan(Duration.ZERO);
        retry.resubmitOlderThan(Duration.ZERO);

        assertThat(incomplete()).isZero();
        api.get("qs_director", "/api/rectifications?unit=RCDR01")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].code", containsInAnyOrder("A21", "A32", "A33", "C2")));
    }

    private int incomplete() {
        return jdbc.queryForObject(
                "select count(*) from event_publication where completion_date is null and serialized_event like ?",
                Integer.class,
                "%T-RC-DR%");
    }
}
