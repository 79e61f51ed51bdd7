package org.dudao.user.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.dudao.support.DudaoTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Someone who just ran the README command learns from the log where to go and whom to sign in as. */
@DudaoTest
@ExtendWith(OutputCaptureExtension.class)
class DemoUsersTest {

    @Autowired
    DemoUsers demoUsers;

    @Test
    void theStartLogNamesTheAddressAndTheDemoUsers(CapturedOutput output) {
        demoUsers.announce("8080");

        assertThat(output.getOut())
                .contains("http://localhost:8080/")
                .contains("demo1234")
                .contains("qs_director (青山县督导室 王主任)")
                .contains("school_clerk (城关中心小学 填报员)");
    }
}
