package io.upright.local;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each flow in a real headless Chromium against the packaged stack, signed in through Keycloak's own page: the employee
 * completes the desk check with the keyboard alone, reads the result, plays and logs the routine, pauses reminders and
 * signs out; HR imports a roster and launches a program through the wizard. Every page on the way is checked by
 * axe-core with zero violations at desktop width and at 375 px, with a screenshot of each; with
 * {@code -Dupright.readme-screenshot=true} the README's pages are also written to docs/screenshots, the same on every
 * run while the pages are (fixed names, the clock's times and dates greyed out: {@link HeadlessChromium#steady}).
 */
class PagesInABrowserIT {

    private static final int DESKTOP = 1280;
    private static final int PHONE = 375;
    /** Fixed, unlike other tests' tenants: the people's addresses in the pictures stay the same from run to run. */
    private static final String TENANT = "browser-pages";
    /** The pages the README shows (docs/screenshots), desktop and phone; every other picture stays in target/. */
    private static final Set<String> README_PAGES = Set.of("employee-home", "employee-desk-check-safety",
            "employee-desk-check-result", "employee-routine-player", "employee-routine-logged", "employee-settings-paused",
            "hr-import-preview", "hr-import-done", "hr-program-wizard", "hr-program-dashboard");
    private static final String ROSTER = "email,displayName,team,timeZone,workdayStart,workdayEnd\n"
            + "lea@example.com,Lea Park,Finance,Europe/Berlin,09:00,17:00\n"
            + "max@example.com,Max Roy,Finance,Europe/Berlin,08:30,16:30\n"
            + "noor@example.com,Noor Aziz,Support,Europe/London,09:00,17:00\n"
            + "ida@" + TENANT + ".example,Ida Test,Team Ida,Europe/Berlin,09:00,17:00\n";

    private static WebPagesStack pages;
    private static WebPagesStack.SignedIn ida;
    private final Map<String, List<String>> violations = new LinkedHashMap<>();
    private WebDriver browser;

    @BeforeAll
    static void enrolIda() throws Exception {
        pages = WebPagesStack.shared();
        ida = pages.signInNewEmployee(TENANT, "Ida");
    }

    @AfterEach
    void quit() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void an_employee_does_the_desk_check_by_keyboard_plays_and_logs_the_routine_pauses_and_signs_out_on_pages_that_pass_axe() {
        signIn("/", ida.username(), ida.password());
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Hello Ida");
        look("/", "employee-home");
        look("/desk-check", "employee-desk-check");

        // the keyboard alone: Tab to each question, Space picks an answer (an arrow key moves a yes to no), digits fill a
        // number, Enter moves on
        browser.get(pages.stack.webUrl() + "/desk-check");
        focusAndPress(By.cssSelector("form#start button[type=submit]"));
        int sections = 0;
        while (browser.getCurrentUrl().contains("/sections/")) {
            if (sections == 0) {
                check("employee-desk-check-safety");
            }
            answerSectionWithKeys();
            sections++;
            assertThat(sections).as("sections of the check").isLessThan(20);
        }
        assertThat(browser.getCurrentUrl()).contains("/review");
        check("employee-desk-check-review");
        focusAndPress(By.cssSelector("form#submit button[type=submit]"));
        await(d -> d.getCurrentUrl().endsWith("/result"));
        assertThat(text("#score")).matches("\\d+ out of \\d+ \\(.+\\)");
        assertThat(text("main")).doesNotContain("medical care today");
        check("employee-desk-check-result");

        // the routine: each exercise in turn, the timer counting down, then "I did it" with how it felt
        look("/routine", "employee-routine");
        browser.findElement(By.linkText("Start the routine")).click();
        await(d -> d.getCurrentUrl().contains("/routine/play"));
        int exercises = Integer.parseInt(browser.findElement(By.tagName("progress")).getAttribute("max"));
        assertThat(exercises).isPositive();
        check("employee-routine-player");
        WebElement timer = browser.findElement(By.cssSelector(".timer button"));
        assertThat(timer.getText()).isEqualTo("Start timer");
        String full = text(".timer-left");
        timer.click();
        await(d -> !d.findElement(By.cssSelector(".timer-left")).getText().equals(full));
        assertThat(text(".timer-left")).startsWith("Time left:");
        assertThat(timer.getText()).isEqualTo("Pause timer");
        timer.click();
        for (int step = 1; step <= exercises; step++) {
            assertThat(text("main p.hint")).isEqualTo("Exercise " + step + " of " + exercises);
            assertThat(browser.findElement(By.id("exercise-title")).isDisplayed()).isTrue();
            clickAndAwaitNewPage(By.cssSelector("a[rel=next]"));
        }
        assertThat(text("#finish")).isEqualTo("Did you do it?");
        assertThat(browser.findElement(By.id("field-minutes")).getAttribute("value")).as("the routine's length, filled in")
                .isNotEmpty();
        browser.findElement(By.cssSelector("label[for=felt-3]")).click();
        assertThat(browser.findElement(By.id("felt-3")).isSelected()).isTrue();
        check("employee-routine-log");
        clickAndAwaitNewPage(By.cssSelector("form#log button[type=submit]"));
        assertThat(browser.getCurrentUrl()).endsWith("/routine?logged=1");
        assertThat(text("main [role=status]")).isEqualTo("Well done: your routine is logged.");
        check("employee-routine-logged");

        look("/sitting", "employee-sitting");
        look("/my-data", "employee-my-data");

        // a pause: said on the settings page, and the start page says until when
        look("/settings", "employee-settings");
        clickAndAwaitNewPage(By.cssSelector("form#pause-hour button[type=submit]"));
        assertThat(text("main [role=status]")).isEqualTo("Your reminders are paused.");
        assertThat(text("#paused-until")).startsWith("Paused until");
        assertThat(browser.findElements(By.cssSelector("form#resume button"))).hasSize(1);
        check("employee-settings-paused");
        browser.get(pages.stack.webUrl() + "/");
        assertThat(text("#next-break-text")).startsWith("Your reminders are paused until");

        // signing out with the layout's control: Keycloak's sign-in again, for that page and for any other
        browser.findElement(By.cssSelector("header nav a[href='/sign-out']")).click();
        String issuer = pages.stack.requireIdentityProvider().issuer();
        await(d -> d.getCurrentUrl().startsWith(issuer) && !d.findElements(By.id("kc-login")).isEmpty());
        assertThat(browser.findElement(By.id("username")).isDisplayed()).isTrue();
        browser.get(pages.stack.webUrl() + "/settings");
        assertThat(browser.getCurrentUrl()).startsWith(issuer);
        assertThat(browser.findElement(By.id("kc-login")).isDisplayed()).isTrue();
        assertThat(browser.getPageSource()).doesNotContain("Paused until");
        // the page a sign-in link's session ends on
        look("/signed-out", "signed-out");
        assertThat(text("h1")).isEqualTo("You are signed out");

        assertNoViolations();
    }

    @Test
    void hr_imports_a_roster_and_launches_a_program_through_the_wizard_on_pages_that_pass_axe() {
        WebPagesStack.Account hanna = pages.addStaff(TENANT, "Hanna", "hr");
        signIn("/hr", hanna.username(), hanna.password());
        assertThat(text("h1")).isEqualTo("HR console");
        check("hr-console");
        look("/hr/import", "hr-import");

        // a roster with a mistake in it: the preview shows the error at its row, and offers no import
        WebElement csv = browser.findElement(By.id("csv"));
        csv.sendKeys(ROSTER.replace("Europe/London", "Mars/Olympus"));
        clickAndAwaitNewPage(By.cssSelector("form#upload button[type=submit]"));
        assertThat(text("#row-errors")).contains("1 row has errors");
        assertThat(text("#row-4")).contains("Noor Aziz", "Error");
        assertThat(browser.findElements(By.id("apply"))).isEmpty();
        check("hr-import-preview");

        // corrected (Ida, enrolled already, is unchanged), checked again and imported: the import runs on its own and its
        // page follows it to the end
        csv = browser.findElement(By.id("csv"));
        csv.clear();
        csv.sendKeys(ROSTER);
        clickAndAwaitNewPage(By.cssSelector("form#upload button[type=submit]"));
        assertThat(text("#dry-run")).contains("4 rows", "2 new teams", "3 people enrolled", "1 unchanged");
        check("hr-import-preview-valid");
        clickAndAwaitNewPage(By.cssSelector("form#apply button[type=submit]"));
        assertThat(browser.getCurrentUrl()).contains("/hr/import/");
        await(d -> !d.findElements(By.cssSelector("#import-done, #import-failed")).isEmpty());
        assertThat(text("#import-done")).contains("The import is finished.", "2 new teams created", "3 people enrolled",
                "1 unchanged");
        assertThat(browser.findElements(By.cssSelector("ul#teams li"))).extracting(WebElement::getText)
                .containsExactlyInAnyOrder("Finance (new team)", "Support (new team)", "Team Ida");
        check("hr-import-done");

        // the wizard: title, a second phase, the team Finance with Lea as its champion, next Monday as the first day
        look("/hr/programs", "hr-programs");
        browser.findElement(By.linkText("Start a program")).click();
        await(d -> d.getCurrentUrl().endsWith("/hr/programs/new"));
        check("hr-program-wizard");
        browser.findElement(By.id("field-title")).sendKeys("Stand up, Finance");
        browser.findElement(By.name("phases[1].startWeek")).sendKeys("3");
        browser.findElement(By.name("phases[1].breakEveryMinutes")).sendKeys("40");
        browser.findElement(By.name("phases[1].dailyActiveMinutesTarget")).sendKeys("150");
        labelled("Finance").click();
        new Select(labelled("Champion of Finance")).selectByVisibleText("Lea Park");
        LocalDate monday = LocalDate.now(ZoneOffset.UTC).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        typeDate(browser.findElement(By.id("field-startsOn")), monday);
        clickAndAwaitNewPage(By.cssSelector("form#program button[type=submit]"));
        assertThat(browser.getCurrentUrl()).contains("/hr/programs?launched=");
        assertThat(text("#launched")).isEqualTo("The program is launched.");
        assertThat(text("table#programs tbody tr")).contains("Stand up, Finance", "Launched", monday.toString(), "1");
        check("hr-programs-launched");

        // its figures: once insights knows the program and its team; before its first week has closed, words
        browser.findElement(By.linkText("Figures of Stand up, Finance")).click();
        await(Duration.ofSeconds(90), d -> {
            if (d.findElements(By.cssSelector("table#dashboard-teams")).isEmpty()
                    || !d.findElement(By.cssSelector("table#dashboard-teams")).getText().contains("Finance")) {
                d.navigate().refresh();
                return false;
            }
            return true;
        });
        assertThat(text("h1")).isEqualTo("Program figures: Stand up, Finance");
        assertThat(text("table#dashboard-teams tbody tr")).startsWith("Finance");
        assertThat(browser.findElements(By.cssSelector("table#dashboard-teams td.dashboard-hidden"))).as("its figures, in words")
                .isNotEmpty().allSatisfy(hidden -> assertThat(hidden.getText()).isNotBlank().doesNotMatch("[0-9 %]+"));
        check("hr-program-dashboard");
        look("/hr/campaigns", "hr-campaigns");

        assertNoViolations();
    }

    @Test
    void every_page_of_the_admin_console_passes_axe() {
        WebPagesStack.Account adam = pages.addStaff(TENANT, "Adam", "admin");
        signIn("/admin", adam.username(), adam.password());
        look("/admin", "admin-console");
        look("/admin/anonymity", "admin-anonymity");
        // a threshold that is not a number: the error at its field and in the summary
        WebElement k = browser.findElement(By.id("field-anonymityThreshold"));
        k.clear();
        k.sendKeys("eight");
        browser.findElement(By.cssSelector("form#threshold button[type=submit]")).click();
        await(d -> !d.findElements(By.id("threshold-error")).isEmpty());
        check("admin-anonymity-error");
        look("/admin/channels", "admin-channels");
        // a new endpoint: its secret shown once, and the table of endpoints
        browser.findElement(By.id("field-url")).sendKeys("https://127.0.0.1:9/axe-hook");
        browser.findElement(By.cssSelector("form#add-webhook button[type=submit]")).click();
        await(d -> !d.findElements(By.id("new-secret")).isEmpty());
        check("admin-channels-new-secret");

        assertNoViolations();
    }

    /** A browser of its own for this test, signed in at Keycloak's page that {@code path} sends it to. */
    private void signIn(String path, String username, String password) {
        browser = HeadlessChromium.start(DESKTOP, 900);
        browser.get(pages.stack.webUrl() + path);
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("kc-login")).click();
        await(d -> d.getCurrentUrl().startsWith(pages.stack.webUrl()));
    }

    private void look(String path, String name) {
        browser.get(pages.stack.webUrl() + path);
        check(name);
    }

    /** axe at desktop width and at 375 px, then a screenshot at each (the README's steadied first). */
    private void check(String name) {
        assertThat(browser.findElements(By.tagName("h1"))).as(name + " has its heading").hasSize(1);
        List<String> found = new ArrayList<>(HeadlessChromium.accessibilityViolations(browser));
        HeadlessChromium.resize(browser, PHONE, 812);
        found.addAll(HeadlessChromium.accessibilityViolations(browser).stream().map(v -> "at 375 px: " + v).toList());
        Object overflow = ((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth > window.innerWidth + 1");
        if (Boolean.TRUE.equals(overflow)) {
            found.add("at 375 px: the page is wider than the screen (scrolls sideways)");
        }
        violations.put(name, found);

        boolean forReadme = README_PAGES.contains(name);
        if (forReadme && HeadlessChromium.readmeScreenshots()) {
            HeadlessChromium.steady(browser);
        }
        Path root = Path.of(System.getProperty("upright.root", "../..")).toAbsolutePath().normalize();
        HeadlessChromium.screenshot(browser, root, name + "-phone", forReadme);
        HeadlessChromium.resize(browser, DESKTOP, 900);
        HeadlessChromium.screenshot(browser, root, name + "-desktop", forReadme);
    }

    private void assertNoViolations() {
        assertThat(violations).as("axe-core violations by page").allSatisfy((page, found) -> assertThat(found).as(page).isEmpty());
    }

    private String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    /** The form control whose label reads exactly {@code label}, found as a person finds it: by its label. */
    private WebElement labelled(String label) {
        WebElement found = browser.findElements(By.tagName("label")).stream().filter(l -> l.getText().strip().equals(label))
                .findFirst().orElseThrow(() -> new AssertionError("No label \"" + label + "\" on " + browser.getCurrentUrl()));
        return browser.findElement(By.id(found.getAttribute("for")));
    }

    /**
     * Types a date into a date field as a person does, in the order the field shows (Chromium's own locale decides:
     * day first, or month first, as Debian's Chromium without its translations does), and checks the field holds that day.
     */
    private void typeDate(WebElement field, LocalDate day) {
        String dd = String.format("%02d", day.getDayOfMonth());
        String mm = String.format("%02d", day.getMonthValue());
        field.sendKeys(dd + mm + day.getYear());
        if (!day.toString().equals(field.getDomProperty("value"))) {
            field.clear();
            field.sendKeys(mm + dd + day.getYear());
        }
        assertThat(field.getDomProperty("value")).isEqualTo(day.toString());
    }

    /** Clicks what leads to another page (a link, a form's button) and waits until that page has replaced this one. */
    private void clickAndAwaitNewPage(By target) {
        WebElement clicked = browser.findElement(target);
        WebElement html = browser.findElement(By.tagName("html"));
        clicked.click();
        await(d -> {
            try {
                html.getTagName();
                return false;
            } catch (StaleElementReferenceException gone) {
                return !d.findElements(By.tagName("h1")).isEmpty();
            } catch (org.openqa.selenium.WebDriverException e) {
                // Chromium sometimes says the old page is gone this way instead (an inspector error, not a stale element)
                if (e.getMessage() == null || !e.getMessage().contains("does not belong to the document")) {
                    throw e;
                }
                return !d.findElements(By.tagName("h1")).isEmpty();
            }
        });
    }

    private void await(Function<WebDriver, Boolean> condition) {
        await(Duration.ofSeconds(30), condition);
    }

    private void await(Duration within, Function<WebDriver, Boolean> condition) {
        new WebDriverWait(browser, within).until(condition::apply);
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
                await(d -> !d.getCurrentUrl().equals(page));
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
                await(d -> !d.getCurrentUrl().equals(page));
                return;
            }
        }
        throw new AssertionError("Tab never reached " + target + " on " + browser.getCurrentUrl());
    }
}
