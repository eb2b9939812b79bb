package io.upright.local;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The employee's pages in a real headless Chromium, signed in through Keycloak's own page: the desk check completed
 * with the keyboard alone, then every page checked by axe-core with zero violations at desktop width and at 375 px,
 * with a screenshot of each (in docs/screenshots with {@code -Dupright.readme-screenshot=true}).
 */
class PagesInABrowserIT {

    private static final int DESKTOP = 1280;
    private static final int PHONE = 375;
    private static WebPagesStack pages;
    private static WebPagesStack.SignedIn ida;
    private static WebDriver browser;

    @BeforeAll
    static void signIn() throws Exception {
        pages = WebPagesStack.shared();
        ida = pages.signInNewEmployee(WebPagesStack.newTenant("browser"), "Ida");
        browser = HeadlessChromium.start(DESKTOP, 900);
        browser.get(pages.stack.webUrl() + "/");
        browser.findElement(By.id("username")).sendKeys(ida.username());
        browser.findElement(By.id("password")).sendKeys(ida.password());
        browser.findElement(By.id("kc-login")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().startsWith(pages.stack.webUrl()));
    }

    @AfterAll
    static void quit() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void the_desk_check_can_be_completed_with_the_keyboard_alone_and_every_employee_page_passes_axe() {
        Map<String, List<String>> violations = new LinkedHashMap<>();
        look("/", "employee-home", violations);
        look("/desk-check", "employee-desk-check", violations);

        // the keyboard alone: Tab to each question, Space picks an answer (an arrow key moves a yes to no), digits fill a
        // number, Enter moves on
        browser.get(pages.stack.webUrl() + "/desk-check");
        focusAndPress(By.cssSelector("form#start button[type=submit]"));
        int sections = 0;
        while (browser.getCurrentUrl().contains("/sections/")) {
            if (sections == 0) {
                check("employee-desk-check-safety", violations);
            }
            answerSectionWithKeys();
            sections++;
            assertThat(sections).as("sections of the check").isLessThan(20);
        }
        assertThat(browser.getCurrentUrl()).contains("/review");
        check("employee-desk-check-review", violations);
        focusAndPress(By.cssSelector("form#submit button[type=submit]"));
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().endsWith("/result"));
        check("employee-desk-check-result", violations);
        assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("medical care today");

        look("/routine", "employee-routine", violations);
        look("/routine/play", "employee-routine-player", violations);
        look("/sitting", "employee-sitting", violations);
        look("/settings", "employee-settings", violations);
        look("/my-data", "employee-my-data", violations);

        assertThat(violations).as("axe-core violations by page").allSatisfy((page, found) -> assertThat(found).as(page).isEmpty());
    }

    @Test
    void every_page_of_the_hr_console_passes_axe() throws Exception {
        WebPagesStack.Account account = pages.addStaff(ida.tenant(), "Hanna", "hr");
        WebDriver employeesBrowser = browser;
        browser = HeadlessChromium.start(DESKTOP, 900);
        try {
            browser.get(pages.stack.webUrl() + "/hr");
            browser.findElement(By.id("username")).sendKeys(account.username());
            browser.findElement(By.id("password")).sendKeys(account.password());
            browser.findElement(By.id("kc-login")).click();
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().startsWith(pages.stack.webUrl()));

            Map<String, List<String>> violations = new LinkedHashMap<>();
            look("/hr", "hr-console", violations);
            look("/hr/import", "hr-import", violations);
            // a roster with a mistake in it: the preview shows the error at its row
            WebElement csv = browser.findElement(By.id("csv"));
            csv.sendKeys("email,displayName,team,timeZone,workdayStart,workdayEnd\n"
                    + "lea@example.com,Lea Park,Finance,Europe/Berlin,09:00,17:00\n"
                    + "max@example.com,Max Roy,Finance,Mars/Olympus,09:00,17:00\n");
            String before = browser.getCurrentUrl();
            browser.findElement(By.cssSelector("form#upload button[type=submit]")).click();
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> !d.findElements(By.cssSelector("table")).isEmpty()
                    || !d.getCurrentUrl().equals(before));
            check("hr-import-preview", violations);
            look("/hr/programs", "hr-programs", violations);
            look("/hr/programs/new", "hr-program-wizard", violations);
            look("/hr/campaigns", "hr-campaigns", violations);

            assertThat(violations).as("axe-core violations by page").allSatisfy((page, found) -> assertThat(found).as(page).isEmpty());
        } finally {
            browser.quit();
            browser = employeesBrowser;
        }
    }

    @Test
    void every_page_of_the_admin_console_passes_axe() throws Exception {
        WebPagesStack.Account account = pages.addStaff(ida.tenant(), "Adam", "admin");
        WebDriver employeesBrowser = browser;
        browser = HeadlessChromium.start(DESKTOP, 900);
        try {
            browser.get(pages.stack.webUrl() + "/admin");
            browser.findElement(By.id("username")).sendKeys(account.username());
            browser.findElement(By.id("password")).sendKeys(account.password());
            browser.findElement(By.id("kc-login")).click();
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().startsWith(pages.stack.webUrl()));

            Map<String, List<String>> violations = new LinkedHashMap<>();
            look("/admin", "admin-console", violations);
            look("/admin/anonymity", "admin-anonymity", violations);
            // a threshold that is not a number: the error at its field and in the summary
            WebElement k = browser.findElement(By.id("field-anonymityThreshold"));
            k.clear();
            k.sendKeys("eight");
            browser.findElement(By.cssSelector("form#threshold button[type=submit]")).click();
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> !d.findElements(By.id("threshold-error")).isEmpty());
            check("admin-anonymity-error", violations);
            look("/admin/channels", "admin-channels", violations);
            // a new endpoint: its secret shown once, and the table of endpoints
            browser.findElement(By.id("field-url")).sendKeys("https://127.0.0.1:9/axe-hook");
            browser.findElement(By.cssSelector("form#add-webhook button[type=submit]")).click();
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> !d.findElements(By.id("new-secret")).isEmpty());
            check("admin-channels-new-secret", violations);

            assertThat(violations).as("axe-core violations by page").allSatisfy((page, found) -> assertThat(found).as(page).isEmpty());
        } finally {
            browser.quit();
            browser = employeesBrowser;
        }
    }

    private void look(String path, String name, Map<String, List<String>> violations) {
        browser.get(pages.stack.webUrl() + path);
        check(name, violations);
    }

    /** axe at desktop width and at 375 px, and a screenshot of each. */
    private void check(String name, Map<String, List<String>> violations) {
        assertThat(browser.findElements(By.tagName("h1"))).as(name + " has its heading").hasSize(1);
        Path root = Path.of(System.getProperty("upright.root", "../..")).toAbsolutePath().normalize();
        List<String> found = new ArrayList<>();
        browser.manage().window().setSize(new Dimension(DESKTOP, 900));
        found.addAll(HeadlessChromium.accessibilityViolations(browser));
        HeadlessChromium.screenshot(browser, root, name + "-desktop");
        browser.manage().window().setSize(new Dimension(PHONE, 812));
        found.addAll(HeadlessChromium.accessibilityViolations(browser).stream().map(v -> "at 375 px: " + v).toList());
        Object overflow = ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth > window.innerWidth + 1");
        if (Boolean.TRUE.equals(overflow)) {
            found.add("at 375 px: the page is wider than the screen (scrolls sideways)");
        }
        HeadlessChromium.screenshot(browser, root, name + "-phone");
        browser.manage().window().setSize(new Dimension(DESKTOP, 900));
        violations.put(name, found);
    }

    /** Tabs through the section: answers every unanswered question, then presses Enter on "Save and continue". */
    private void answerSectionWithKeys() {
        String page = browser.getCurrentUrl();
        Actions keys = new Actions(browser);
        for (int presses = 0; presses < 400; presses++) {
            keys.sendKeys(Keys.TAB).perform();
            WebElement focused = browser.switchTo().activeElement();
            String type = focused.getAttribute("type");
            if ("radio".equals(type)) {
                String group = focused.getAttribute("name");
                boolean answered = !browser.findElements(By.cssSelector("input[type=radio][name='" + group + "']:checked")).isEmpty();
                if (!answered) {
                    keys.sendKeys(Keys.SPACE).perform();
                    if ("true".equals(focused.getAttribute("value"))) {
                        // yes/no questions: the arrow key moves the choice to "no", as a person would
                        keys.sendKeys(Keys.ARROW_DOWN).perform();
                    }
                }
            } else if ("number".equals(type) && focused.getAttribute("value").isEmpty()) {
                String min = focused.getAttribute("min");
                keys.sendKeys(min == null || min.isEmpty() ? "0" : min).perform();
            } else if ("submit".equals(type) && "next".equals(focused.getAttribute("value"))) {
                keys.sendKeys(Keys.ENTER).perform();
                new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> !d.getCurrentUrl().equals(page));
                return;
            }
        }
        throw new AssertionError("Never reached Save and continue on " + page);
    }

    /** Moves the keyboard focus to the element by Tab alone, then presses Enter on it. */
    private void focusAndPress(By target) {
        WebElement wanted = browser.findElement(target);
        Actions keys = new Actions(browser);
        for (int presses = 0; presses < 200; presses++) {
            keys.sendKeys(Keys.TAB).perform();
            if (browser.switchTo().activeElement().equals(wanted)) {
                String page = browser.getCurrentUrl();
                keys.sendKeys(Keys.ENTER).perform();
                new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> !d.getCurrentUrl().equals(page));
                return;
            }
        }
        throw new AssertionError("Tab never reached " + target + " on " + browser.getCurrentUrl());
    }
}
