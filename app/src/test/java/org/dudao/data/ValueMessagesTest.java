package org.dudao.data;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.dudao.support.Api;
import org.dudao.support.DudaoTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** A rejected value is explained in a sentence a clerk can read, with the item's unit apart. */
@DudaoTest
class ValueMessagesTest {

    @Autowired
    MockMvc mvc;

    @Test
    void aValueOutOfRangeNamesTheRangeAndTheUnit() throws Exception {
        new Api(mvc)
                .post("school_clerk", "/api/data-values?dryRun=true", """
                        {"period":"2031","values":[{"orgUnit":"JB01010101","item":"classrooms","value":"5000"}]}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.rejected[0].reason").value("教室间数：应在 0 到 1000 之间（单位：间）"));
    }
}
