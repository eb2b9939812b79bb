package io.upright.insights.web;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.upright.insights.programs.ProgramScenario;
import io.upright.localinfra.DevTokens;
import io.upright.testsupport.quarkus.UprightTestInfrastructure;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import javax.sql.DataSource;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The dashboard in a real headless Chromium (Debian's chromium and chromium-driver): sign in with a pasted HR
 * token, read the figures and the suppressed cells, see the charts drawn, and keep a screenshot of what it saw.
 */
@QuarkusTest
@WithTestResource(value = UprightTestInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "insights"),
        @ResourceArg(name = "topics", value = "upright.programs,upright.assessments,upright.exercises,upright.reminders,upright.insights.dlq")})
class DashboardBrowserTest {

    private static final DevTokens TOKENS = DevTokens.forTests();
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    // kept with the build: the README's docs/dashboard.png comes from the demo (deploy/local DemoDashboardIT)
    private static final Path SCREENSHOT = Path.of("target/dashboard-browser-test.png");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void setTheClockToTheScenariosDay() {
        // the current ISO week is the scenario's, whatever day the test runs on
        QuarkusMock.installMockForType(ProgramScenario.clock(), Clock.class);
    }

    @TestHTTPResource("/")
    URL base;

    private WebDriver browser;

    @BeforeEach
    void startBrowser() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            // never skipped: a CI without a browser must fail loudly, not pass quietly
            fail("The dashboard browser test needs Debian's chromium (" + CHROMIUM + ") and chromium-driver ("
                    + CHROMEDRIVER + "): apt-get install -y chromium chromium-driver");
        }
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1800");
        browser = new ChromeDriver(options);
        browser.manage().window().setSize(new Dimension(1400, 1800));
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void hr_signs_in_with_the_launcher_token_and_sees_figures_suppressed_cells_and_charts() throws Exception {
        ProgramScenario s = new ProgramScenario("browser", kafka).publishAll().everyoneInAccountsActiveLastWeek();
        s.awaitApplied(dataSource);
        String hr = TOKENS.issue(s.tenant, "hr-1", "hr");

        // without a token the page sends the browser to sign in
        browser.get(url("/dashboard"));
        assertThat(browser.getCurrentUrl()).endsWith("/dashboard/sign-in");
        browser.findElement(By.id("token")).sendKeys(hr);
        browser.findElement(By.id("sign-in")).click();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(d -> !d.findElements(By.id("program-title")).isEmpty());

        assertThat(browser.findElement(By.id("program-title")).getText()).isEqualTo("Stand up, Accounts and friends");
        // overview: program over the published weeks shown, then the latest closed week
        List<WebElement> overview = browser.findElements(By.cssSelector("#table-overview tbody tr"));
        assertThat(cells(overview.get(0)).get(0)).isEqualTo("13");
        assertThat(cells(overview.get(1)).get(0)).isEqualTo("13");
        assertThat(cells(overview.get(1)).get(4)).isEqualTo("4");
        // team comparison: Accounts visible (six active last week), Billing and Courier did nothing in a closed week
        assertThat(cells(row("table-teams", "Accounts")).subList(0, 2)).containsExactly("6", "6");
        assertThat(cells(row("table-teams", "Courier"))).first().isEqualTo("fewer than 5 people active");
        assertThat(cells(row("table-teams", "Billing"))).first().isEqualTo("fewer than 5 people active");
        // the open week is named, with no figure
        assertThat(cells(row("table-trend", s.thisWeek))).containsExactly("week not closed yet");
        assertThat(browser.findElement(By.id("pending-" + s.thisWeek)).getText()).contains("week not closed yet");
        assertThat(browser.findElement(By.id("privacy-note")).getText()).contains("fewer than 5 people assessed");
        // the page fits 1400 px: nothing scrolls sideways
        Number overflow = (Number) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(overflow.intValue()).as("horizontal overflow in px").isLessThanOrEqualTo(0);
        Number tableOverflow = (Number) ((JavascriptExecutor) browser).executeScript(
                "return Math.max(...Array.from(document.querySelectorAll('.scroll')).map(e => e.scrollWidth - e.clientWidth))");
        assertThat(tableOverflow.intValue()).as("a table scrolls sideways").isLessThanOrEqualTo(0);
        // risk rows: 2 people assessed in Accounts and in the program, so no row is shown
        assertThat(cells(row("table-risk", "Accounts"))).containsExactly("fewer than 5 people assessed");
        assertThat(cells(row("table-risk", "Program"))).containsExactly("fewer than 5 people assessed");
        assertThat(browser.findElement(By.id("csv-link")).getAttribute("href"))
                .contains("/api/insights/programs/" + s.programId + ".csv");

        // the charts were drawn by ECharts on canvases with a real size
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript("return window.uprightChartsReady === true")));
        for (String chart : List.of("trend-chart", "target-chart", "risk-chart")) {
            WebElement canvas = browser.findElement(By.cssSelector("#" + chart + " canvas"));
            assertThat(canvas.getSize().getWidth()).as(chart).isPositive();
            assertThat(canvas.getSize().getHeight()).as(chart).isPositive();
        }

        Files.createDirectories(SCREENSHOT.toAbsolutePath().getParent());
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(SCREENSHOT)).isPositive();
    }

    @Test
    void an_employee_token_gets_the_403_page_and_no_token_goes_to_sign_in() {
        String tenant = "browser-roles-" + java.util.UUID.randomUUID();
        String employee = TOKENS.issue(tenant, java.util.UUID.randomUUID().toString(), "employee");

        given().redirects().follow(false).get("/dashboard").then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/dashboard/sign-in"));
        given().redirects().follow(false).cookie("upright_token", "not.a.token").get("/dashboard").then().statusCode(303);
        given().cookie("upright_token", employee).get("/dashboard").then().statusCode(403)
                .body(org.hamcrest.Matchers.containsString("for HR and admins"));
        // the cookie also authenticates the API, and the Authorization header still works without it
        given().cookie("upright_token", employee).get("/api/insights/programs").then().statusCode(403);
        given().cookie("upright_token", TOKENS.issue(tenant, "hr-1", "hr")).get("/api/insights/programs").then().statusCode(200);
        // signing in sets an HttpOnly, SameSite=Strict cookie
        String setCookie = given().redirects().follow(false).formParam("token", TOKENS.issue(tenant, "hr-1", "hr"))
                .post("/dashboard/sign-in").then().statusCode(303).extract().header("Set-Cookie");
        assertThat(setCookie).contains("upright_token=").contains("HttpOnly").containsIgnoringCase("SameSite=Strict");
        given().redirects().follow(false).formParam("token", "hello").post("/dashboard/sign-in").then().statusCode(400);
        given().redirects().follow(false).get("/dashboard/programs/" + java.util.UUID.randomUUID()).then().statusCode(303);
        given().cookie("upright_token", TOKENS.issue(tenant, "hr-1", "hr")).get("/dashboard/programs/" + java.util.UUID.randomUUID())
                .then().statusCode(404);
        given().cookie("upright_token", TOKENS.issue(tenant, "hr-1", "hr")).get("/dashboard").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("No program has been launched yet."));

        // in the browser too
        browser.get(url("/dashboard/sign-in"));
        browser.findElement(By.id("token")).sendKeys(employee);
        browser.findElement(By.id("sign-in")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> !d.findElements(By.id("problem-title")).isEmpty());
        assertThat(browser.findElement(By.id("problem-title")).getText()).isEqualTo("Not allowed");
    }

    private WebElement row(String table, String label) {
        return browser.findElement(By.xpath("//table[@id='" + table + "']//tbody/tr[th[normalize-space()='" + label + "']]"));
    }

    private static List<String> cells(WebElement row) {
        return row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
    }

    private String url(String path) {
        String root = base.toString();
        return (root.endsWith("/") ? root.substring(0, root.length() - 1) : root) + path;
    }
}
