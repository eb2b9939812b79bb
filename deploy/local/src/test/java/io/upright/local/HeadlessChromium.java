package io.upright.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.fail;

/**
 * Debian's headless Chromium driven through Selenium, for the browser tests: axe-core (from its webjar) run inside a
 * page, and screenshots kept under {@code target/} (and, with {@code -Dupright.readme-screenshot=true}, the README's in
 * {@code docs/}, steadied so that an unchanged page gives the same picture on every run).
 */
final class HeadlessChromium {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String AXE = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";

    private HeadlessChromium() {
    }

    /** A browser window of that size; quit it when done. */
    static WebDriver start(int width, int height) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail("This test needs Debian's chromium (" + CHROMIUM + ") and chromium-driver (" + CHROMEDRIVER + ")");
        }
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // the background-networking flags keep Chromium from calling out of this closed network at every start
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--lang=en-GB", "--window-size=" + width + "," + height);
        WebDriver browser = new ChromeDriver(options);
        browser.manage().window().setSize(new Dimension(width, height));
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        return browser;
    }

    /**
     * Runs axe-core over the page as it is now, against WCAG 2.0/2.1 A and AA and axe's best practices; answers each
     * violation as a line naming the rule, its impact and the elements, empty when there is none.
     */
    static List<String> accessibilityViolations(WebDriver browser) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript(axeSource());
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})
                   .then(r => done(JSON.stringify(r.violations)), e => done(JSON.stringify([{id: 'axe-error', impact: String(e), nodes: []}])));
                """);
        try {
            List<String> lines = new ArrayList<>();
            for (JsonNode violation : Api.JSON.readTree(String.valueOf(result))) {
                List<String> targets = new ArrayList<>();
                violation.path("nodes").forEach(node -> targets.add(node.path("target").toString() + " " + node.path("failureSummary").asText("")));
                lines.add(violation.path("id").asText() + " (" + violation.path("impact").asText() + "): "
                        + violation.path("help").asText() + " at " + targets);
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether this run writes the README's pictures ({@code -Dupright.readme-screenshot=true}). */
    static boolean readmeScreenshots() {
        return Boolean.getBoolean("upright.readme-screenshot");
    }

    /**
     * Makes the page look the same on every run, for pictures that must not change when the page has not: what a page
     * marks {@code data-volatile} (a time, a date: the clock's doing, not the page's) becomes a grey bar of one fixed
     * width, the text caret and any animation are hidden, and nothing keeps the focus. Changes the page: take the
     * picture after every assertion on it.
     */
    static void steady(WebDriver browser) {
        ((JavascriptExecutor) browser).executeScript("""
                if (!document.getElementById('upright-steady')) {
                  const style = document.createElement('style');
                  style.id = 'upright-steady';
                  style.textContent = '*, *::before, *::after { caret-color: transparent !important; animation: none !important;'
                      + ' transition: none !important; } .upright-volatile { display: inline-block; width: 6em; height: 1em;'
                      + ' vertical-align: middle; background: #d0d5da; border-radius: 3px; }';
                  document.head.appendChild(style);
                }
                document.querySelectorAll('[data-volatile]').forEach(e => {
                  const bar = document.createElement('span');
                  bar.className = 'upright-volatile';
                  e.replaceChildren(bar);
                });
                if (document.activeElement && document.activeElement !== document.body) { document.activeElement.blur(); }
                """);
    }

    /** Sets the window's size and waits until the page has been laid out and painted at it. */
    static void resize(WebDriver browser, int width, int height) {
        browser.manage().window().setSize(new Dimension(width, height));
        ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; requestAnimationFrame(() => requestAnimationFrame(() => done(true)));");
    }

    /**
     * Keeps a screenshot of the window as {@code target/screenshots/<name>.png}; a picture the README may show is also
     * written to {@code docs/screenshots/} when this run writes the README's pictures.
     */
    static void screenshot(WebDriver browser, Path repositoryRoot, String name, boolean forReadme) {
        try {
            Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
            Path kept = repositoryRoot.resolve("deploy/local/target/screenshots/" + name + ".png");
            Files.createDirectories(kept.getParent());
            Files.copy(shot, kept, StandardCopyOption.REPLACE_EXISTING);
            if (forReadme && readmeScreenshots()) {
                Path docs = repositoryRoot.resolve("docs/screenshots/" + name + ".png");
                Files.createDirectories(docs.getParent());
                Files.copy(shot, docs, StandardCopyOption.REPLACE_EXISTING);
                Files.setPosixFilePermissions(docs, PosixFilePermissions.fromString("rw-r--r--"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String axeSource() {
        try (InputStream in = HeadlessChromium.class.getClassLoader().getResourceAsStream(AXE)) {
            if (in == null) {
                throw new IllegalStateException("axe-core is not on the test classpath (" + AXE + ")");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
