package org.dudao.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Runs axe-core (vendored under src/test/resources/axe, never served by the app) on the page a browser shows.
 * The script is injected through WebDriver, which the pages' Content-Security-Policy does not govern, so the
 * policy stays as strict as it is.
 */
public final class Axe {

    /** The impacts that fail a page: axe's "serious" and "critical". */
    public static final List<String> FAILING = List.of("serious", "critical");

    private static final String SOURCE = load();

    /** Runs every axe rule, then reports the serious and critical violations, one line each. */
    private static final String RUN = """
            const done = arguments[arguments.length - 1];
            const failing = arguments[0];
            // for color-contrast: the colours axe measured, e.g. "(#6c757d on #f5f6f8: 4.3)"
            const contrast = n => {
              const d = n.any && n.any[0] && n.any[0].data;
              return d && d.contrastRatio ? ' (' + d.fgColor + ' on ' + d.bgColor + ': ' + d.contrastRatio + ')' : '';
            };
            axe.run(document, {resultTypes: ['violations']})
              .then(r => done(r.violations
                .filter(v => failing.includes(v.impact))
                .map(v => v.id + ' [' + v.impact + '] ' + v.help + ' ' + v.helpUrl.replace(/\\?.*$/, '')
                  + '\\n      at ' + v.nodes.map(n => n.target.join(' >> ') + contrast(n)).join('\\n      at '))))
              .catch(e => done(['axe failed: ' + e]));
            """;

    private Axe() {}

    /** The page's serious and critical violations: rule id, impact, help text, and the target selectors. */
    @SuppressWarnings("unchecked")
    public static List<String> violations(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object'"))) {
            js.executeScript(SOURCE);
        }
        // colours caught halfway through a transition (a button the pointer just left) are not what people read
        js.executeScript("if (!document.getElementById('axe-still')) { var s = document.createElement('style');"
                + " s.id = 'axe-still'; s.textContent = '*, *::before, *::after { transition: none !important;"
                + " animation: none !important; }'; document.head.appendChild(s); }");
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        return (List<String>) js.executeAsyncScript(RUN, FAILING);
    }

    private static String load() {
        try (InputStream in = Axe.class.getResourceAsStream("/axe/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe/axe.min.js is missing from the test resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
