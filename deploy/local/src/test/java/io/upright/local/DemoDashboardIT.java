package io.upright.local;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo that {@code ./upright up} loads, seen by its HR in a real headless Chromium at 1400 px: the large teams
 * are shown, the small ones hidden, and no risk row leaves a small group to subtract. The page is kept as
 * {@code target/demo-dashboard.png}; with {@code -Dupright.readme-screenshot=true} it also replaces the README's
 * {@code docs/dashboard.png}, so the picture always comes from the same fixed-name demo.
 */
class DemoDashboardIT {


    private static PackagedStack packaged;
    private static LocalStack stack;
    private static WebhookInbox inbox;
    private static DemoTenant.Demo demo;

    @BeforeAll
    static void startTheDemo() throws Exception {
        // as ./upright up does for a first start: check-in 1's sitting round is published minutes after start
        packaged = PackagedStack.start("demo", Duration.ofMinutes(30),
                java.util.Map.of("insights", DemoTenant.insightsEnvironment(java.time.Instant.now())));
        stack = packaged.stack;
        inbox = packaged.inbox;
        demo = DemoTenant.loadOrCreate(stack, inbox, packaged.home().resolve("demo.json"), message -> System.out.println("[demo] " + message));
    }

    @AfterAll
    static void stopTheDemo() {
        if (packaged != null) {
            packaged.close();
        }
    }

    @Test
    void hr_sees_the_large_teams_not_the_small_ones_and_no_risk_row_leaves_a_small_group() throws Exception {
        WebDriver browser = HeadlessChromium.start(1400, 2600);
        try {
            String hr = stack.tokens().issue(demo.tenant(), "demo-hr", "hr");
            browser.get(stack.baseUrl("insights") + "/dashboard/sign-in");
            browser.findElement(By.id("token")).sendKeys(hr);
            browser.findElement(By.id("sign-in")).click();
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
            wait.until(d -> !d.findElements(By.id("program-title")).isEmpty());

            // check-in 1's round is published once its (shortened) window has passed: then the panel shows it
            Api hrApi = new Api(stack.baseUrl("insights"), hr);
            org.awaitility.Awaitility.await().atMost(DemoTenant.SITTING_ROUND_AFTER.plusMinutes(3)).pollInterval(Duration.ofSeconds(5))
                    .until(() -> !hrApi.get("/api/insights/programs/" + demo.programId() + "/sitting-outcomes").path("rounds").isEmpty());
            browser.navigate().refresh();
            wait.until(d -> !d.findElements(By.id("table-sitting-outcomes")).isEmpty());
            List<String> program = cells(row(browser, "table-sitting-outcomes", "Program"));
            assertThat(program.get(0)).as("check-in").isEqualTo("check-in-1");
            assertThat(program.get(1)).as("people in the program's change").matches("\\d+");
            assertThat(program.get(4)).as("the change and its interval").matches("-\\d+\\.\\d min \\(.*\\)");
            for (String large : List.of("Engineering", "Finance")) {
                assertThat(cells(row(browser, "table-sitting-outcomes", large)).get(1)).as(large + " people").matches("\\d+");
            }
            for (String small : List.of("Design", "Legal")) {
                assertThat(cells(row(browser, "table-sitting-outcomes", small)).get(1)).as(small).startsWith("hidden");
            }

            for (String large : List.of("Engineering", "Finance")) {
                List<String> cells = cells(row(browser, "table-teams", large));
                assertThat(cells.get(0)).as(large + " active").matches("\\d+");
            }
            for (String small : List.of("Design", "Legal")) {
                assertThat(cells(row(browser, "table-teams", small))).as(small).noneMatch(cell -> cell.matches("\\d+"))
                        .first().asString().containsAnyOf("fewer than", "hidden");
            }
            // the large teams' risk rows are shown, with the number of people assessed
            for (String large : List.of("Engineering", "Finance")) {
                assertThat(cells(row(browser, "table-risk", large)).get(0)).as(large + " assessed").matches("\\d+");
            }
            // the page fits 1400 px: nothing scrolls sideways
            Number overflow = (Number) ((JavascriptExecutor) browser).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertThat(overflow.intValue()).as("horizontal overflow in px").isLessThanOrEqualTo(0);
            // the risk table: whatever a row shows, the people assessed minus its numbers never leaves 1 to k-1
            List<String> header = browser.findElements(By.cssSelector("#table-risk thead th")).stream()
                    .map(WebElement::getText).toList();
            int assessedColumn = header.indexOf("People assessed") - 1;
            assertThat(assessedColumn).as("a People assessed column in " + header).isGreaterThanOrEqualTo(0);
            for (WebElement riskRow : browser.findElements(By.cssSelector("#table-risk tbody tr"))) {
                List<String> cells = cells(riskRow);
                if (cells.size() <= assessedColumn || !cells.get(assessedColumn).matches("\\d+")) {
                    continue; // the whole row is hidden
                }
                long assessed = Long.parseLong(cells.get(assessedColumn));
                long shown = 0;
                for (int c = assessedColumn + 1; c < cells.size(); c++) {
                    if (cells.get(c).matches("\\d+") && isLevelColumn(header.get(c + 1))) {
                        shown += Long.parseLong(cells.get(c));
                    }
                }
                long rest = assessed - shown;
                assertThat(rest == 0 && shown == 0 || rest >= 5).as(riskRow.getText() + ": " + rest + " left over").isTrue();
            }

            wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript("return window.uprightChartsReady === true")));
            Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
            Path kept = packaged.root.resolve("deploy/local/target/demo-dashboard.png");
            Files.createDirectories(kept.getParent());
            Files.copy(shot, kept, StandardCopyOption.REPLACE_EXISTING);
            assertThat(Files.size(kept)).isPositive();
            if (Boolean.getBoolean("upright.readme-screenshot")) {
                Path readme = packaged.root.resolve("docs/dashboard.png");
                Files.copy(shot, readme, StandardCopyOption.REPLACE_EXISTING);
                Files.setPosixFilePermissions(readme, PosixFilePermissions.fromString("rw-r--r--"));
            }
        } finally {
            browser.quit();
        }
    }

    /** The risk-level and ROSA-band columns add up to the people assessed; finding columns do not. */
    private static boolean isLevelColumn(String heading) {
        return heading.startsWith("ROSA ") || heading.startsWith("Workstation ");
    }

    private static WebElement row(WebDriver browser, String table, String label) {
        return browser.findElement(By.xpath("//table[@id='" + table + "']//tbody/tr[th[normalize-space()='" + label + "']]"));
    }

    private static List<String> cells(WebElement row) {
        return row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
    }
}
