package org.dudao.support;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's chromedriver; nothing is downloaded. One instance per
 * test class, see {@link BrowserTest}. {@code baseUrl} is the test server, e.g. "http://localhost:" + port.
 */
public final class Browser implements AutoCloseable {

    public static final String CHROMIUM = System.getenv().getOrDefault("CHROMIUM_BIN", "/usr/bin/chromium");
    public static final String CHROMEDRIVER = System.getenv().getOrDefault("CHROMEDRIVER_BIN", "/usr/bin/chromedriver");

    private final WebDriver driver;
    private final String baseUrl;
    private final Path profile;
    /** Who signed in last through {@link #login}, so that {@link #openAs} signs in only when needed. */
    private String signedIn;

    public Browser(String baseUrl) {
        this.baseUrl = baseUrl;
        try {
            profile = Files.createTempDirectory("dudao-chromium");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--window-size=1366,768",
                "--lang=zh-CN",
                "--user-data-dir=" + profile);
        // the console is read after each test: a Content-Security-Policy violation fails it (see BrowserTest)
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
    }

    public WebDriver driver() {
        return driver;
    }

    public Browser open(String path) {
        driver.get(baseUrl + path);
        return this;
    }

    public Browser login(String username, String password) {
        open("/login");
        driver.manage().deleteAllCookies();
        open("/login");
        type(By.id("username"), username);
        type(By.id("password"), password);
        driver.findElement(By.id("login-submit")).click();
        waitFor(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        signedIn = username;
        return this;
    }

    /** Opens a page as a demo user (password {@link Api#PASSWORD}), signing in only when someone else is. */
    public Browser openAs(String username, String path) {
        if (!username.equals(signedIn)) {
            login(username, Api.PASSWORD);
        }
        return open(path);
    }

    public WebElement find(By by) {
        return driver.findElement(by);
    }

    public Browser type(By by, String text) {
        WebElement element = driver.findElement(by);
        element.clear();
        element.sendKeys(text);
        return this;
    }

    public Browser click(By by) {
        WebElement element = waitFor(ExpectedConditions.elementToBeClickable(by));
        // centre it first (instantly: Bootstrap makes scrolling smooth) so the sticky top bar cannot cover it
        ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
        element.click();
        return this;
    }

    /** Clicks a button that posts a form and waits until the answering page has replaced this one. */
    public Browser submit(By button) {
        markLeaving();
        click(button);
        return waitForNextPage();
    }

    /**
     * Marks this page's window before an action that navigates: the answering page has a fresh one. (Asking Chrome
     * about the old page's elements while it navigates can fail with "Node ... does not belong to the document"
     * instead of going stale.)
     */
    public Browser markLeaving() {
        ((JavascriptExecutor) driver).executeScript("window.ddLeaving = true");
        return this;
    }

    /** Waits until a page without the {@link #markLeaving()} mark has loaded. */
    public Browser waitForNextPage() {
        waitFor(d -> {
            try {
                return Boolean.TRUE.equals(((JavascriptExecutor) d)
                        .executeScript("return !window.ddLeaving && document.readyState === 'complete'"));
            } catch (WebDriverException navigating) {
                return false;
            }
        });
        return this;
    }

    public <T> T waitFor(org.openqa.selenium.support.ui.ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(10)).until(condition);
    }

    /** The text of a visible element; read again if a page that replaces this one (after a click) makes it stale. */
    public String text(By by) {
        return waitFor(d -> {
            WebElement element =
                    ExpectedConditions.visibilityOfElementLocated(by).apply(d);
            try {
                return element == null ? null : element.getText();
            } catch (StaleElementReferenceException e) {
                return null; // replaced meanwhile: look again
            }
        });
    }

    public String pageSource() {
        return driver.getPageSource();
    }

    /** Console messages since the last call that report a blocked script, style or handler (CSP violations). */
    public java.util.List<String> cspViolations() {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .map(org.openqa.selenium.logging.LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Content-Security-Policy"))
                .toList();
    }

    /** Saves a PNG under target/screenshots, for people to look at. */
    public void screenshot(String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            Files.write(dir.resolve(name + ".png"), png);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (java.io.IOException ignored) {
            // a leftover temp profile is harmless
        }
    }
}
