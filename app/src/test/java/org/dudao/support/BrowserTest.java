package org.dudao.support;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A test in a real browser against the test server: one {@link Browser} per test class (Debian's headless
 * Chromium), opened before the first test and closed after the last, and the API for setting data up.
 */
@DudaoTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BrowserTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected MockMvc mvc;

    protected Browser browser;
    protected Api api;

    @BeforeAll
    protected void openBrowser() {
        browser = new Browser("http://localhost:" + port);
        api = new Api(mvc);
    }

    /** Pages keep the Content-Security-Policy: nothing they need is blocked (issue 11). */
    @AfterEach
    protected void noPolicyViolations() {
        org.assertj.core.api.Assertions.assertThat(browser.cspViolations()).isEmpty();
    }

    @AfterAll
    protected void closeBrowser() {
        browser.close();
    }

    /** Opens a page as a user, signing in only when someone else is signed in. */
    protected void openAs(String user, String path) {
        browser.openAs(user, path);
    }
}
