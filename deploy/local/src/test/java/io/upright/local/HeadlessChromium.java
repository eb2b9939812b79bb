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
 * page, and screenshots kept under {@code target/} (and, with {@code -Dupright.readme-screenshot=true}, in {@code docs/}).
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

    /** Keeps a screenshot of the whole window as {@code target/screenshots/<name>.png}, and in docs/ when asked. */
    static void screenshot(WebDriver browser, Path repositoryRoot, String name) {
        try {
            Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
            Path kept = repositoryRoot.resolve("deploy/local/target/screenshots/" + name + ".png");
            Files.createDirectories(kept.getParent());
            Files.copy(shot, kept, StandardCopyOption.REPLACE_EXISTING);
            if (Boolean.getBoolean("upright.readme-screenshot")) {
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
