package io.upright.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An employee's own pages, through the web front end and the real services: the start page, reminder settings and
 * pause, the sitting check-in, and their data (export and erasure). Each test signs in a person of its own.
 */
class EmployeeSettingsPagesIT {

    private static WebPagesStack pages;
    private static String tenant;

    @BeforeAll
    static void stack() {
        pages = WebPagesStack.shared();
        tenant = WebPagesStack.newTenant("settings");
    }

    @Test
    void the_home_page_shows_the_next_break_the_routine_and_the_week_each_on_its_own() throws Exception {
        var emil = pages.signInNewEmployee(tenant, "Emil");

        Document home = pages.open(emil, "/").document();

        assertThat(home.select("h1").text()).isEqualTo("Hello Emil");
        assertThat(home.selectFirst("#next-break-text").text())
                .matches("Your next break is (at|tomorrow at|on) .*|No break is planned right now\\.");
        // no desk check taken yet: the exercises service has no routine for him, and the page says how to get one
        assertThat(home.selectFirst("#routine-text").text()).contains("desk check");
        assertThat(home.selectFirst("a[href=/desk-check].button")).isNotNull();
        assertThat(home.selectFirst("#week-text").text()).isEqualTo("0 breaks taken, 0 active minutes in them.");
        assertThat(home.select("a[href=/settings#pause]")).isNotEmpty();
    }

    @Test
    void changing_working_hours_days_off_time_zone_and_a_quiet_time_is_saved() throws Exception {
        var ida = pages.signInNewEmployee(tenant, "Ida");
        TestBrowser.Page settings = pages.open(ida, "/settings");
        assertThat(settings.document().selectFirst("#field-timeZone option").val()).isEqualTo("Europe/Berlin");

        Map<String, String> changes = new HashMap<>();
        changes.put("timeZone", "America/New_York");
        changes.put("monday.start", "08:00");
        changes.put("monday.end", "16:30");
        changes.put("saturday.works", null);
        changes.put("sunday.works", null);
        changes.put("quiet.start", "10:00");
        changes.put("quiet.end", "10:15");
        TestBrowser.Page saved = ida.browser().submit(settings, "form#settings", changes);

        assertThat(saved.uri().getPath()).isEqualTo("/settings");
        assertThat(saved.document().select("p.done").text()).contains("Your settings are saved");
        JsonNode held = pages.read(ida, "reminders", "/api/me/reminder-settings");
        assertThat(held.path("timeZone").asText()).isEqualTo("America/New_York");
        assertThat(held.path("workingHours").path("monday").path("start").asText()).isEqualTo("08:00");
        assertThat(held.path("workingHours").path("monday").path("end").asText()).isEqualTo("16:30");
        assertThat(held.path("workingHours").has("friday")).isTrue();
        assertThat(held.path("workingHours").has("saturday")).isFalse();
        assertThat(held.path("workingHours").has("sunday")).isFalse();
        assertThat(held.path("quietWindows").get(0).path("start").asText()).isEqualTo("10:00");
        // the page shows what is held now: her zone first, the days off unticked, room for another quiet time
        Document again = saved.document();
        assertThat(again.selectFirst("#field-timeZone option[selected]").val()).isEqualTo("America/New_York");
        assertThat(again.selectFirst("#works-sunday").hasAttr("checked")).isFalse();
        assertThat(again.selectFirst("#works-monday").hasAttr("checked")).isTrue();
        assertThat(again.selectFirst("#field-quietWindows-0--start").val()).isEqualTo("10:00");
        assertThat(again.selectFirst("#field-quietWindows-1--start").val()).isEmpty();
    }

    @Test
    void an_end_before_the_start_or_an_impossible_time_is_shown_at_its_field_and_nothing_is_saved() throws Exception {
        var jonas = pages.signInNewEmployee(tenant, "Jonas");
        TestBrowser.Page settings = pages.open(jonas, "/settings");

        TestBrowser.Page refused = jonas.browser().submit(settings, "form#settings",
                Map.of("monday.start", "10:00", "monday.end", "09:00", "tuesday.start", "25:99"));

        assertThat(refused.status()).isLessThan(500);
        Document page = refused.document();
        Element end = page.selectFirst("#field-workingHours-monday-end");
        assertThat(end.attr("aria-invalid")).isEqualTo("true");
        assertThat(page.getElementById(end.attr("aria-describedby")).text()).isEqualTo("must be after start");
        assertThat(end.val()).isEqualTo("09:00");
        Element start = page.selectFirst("#field-workingHours-tuesday-start");
        assertThat(start.attr("aria-invalid")).isEqualTo("true");
        assertThat(page.getElementById(start.attr("aria-describedby")).text()).contains("HH:mm");
        // the summary at the top links to both fields
        assertThat(page.select("#problem a").eachAttr("href"))
                .contains("#field-workingHours-monday-end", "#field-workingHours-tuesday-start");
        JsonNode held = pages.read(jonas, "reminders", "/api/me/reminder-settings");
        assertThat(held.path("workingHours").path("monday").path("start").asText()).isEqualTo("09:00");
        assertThat(held.path("workingHours").path("tuesday").path("start").asText()).isEqualTo("09:00");
    }

    @Test
    void pausing_for_an_hour_shows_until_when_in_her_zone_and_resuming_ends_it() throws Exception {
        var lena = pages.signInNewEmployee(tenant, "Lena");
        TestBrowser.Page settings = pages.open(lena, "/settings");

        Instant before = Instant.now();
        TestBrowser.Page paused = lena.browser().submit(settings, "form#pause-hour", Map.of());

        JsonNode held = pages.read(lena, "reminders", "/api/me/reminder-settings");
        Instant until = Instant.parse(held.path("pausedUntil").asText());
        assertThat(until).isBetween(before.plusSeconds(3590), Instant.now().plusSeconds(3610));
        String shown = DateTimeFormatter.ofPattern("HH:mm").format(until.atZone(ZoneId.of("Europe/Berlin")));
        assertThat(paused.document().selectFirst("#paused-until").text()).startsWith("Paused until").contains(shown);
        assertThat(pages.open(lena, "/").document().selectFirst("#next-break-text").text())
                .startsWith("Your reminders are paused until").contains(shown);

        // every page the front end renders signs a fresh CSRF token, so the form is taken from a page opened now
        TestBrowser.Page resumed = lena.browser().submit(pages.open(lena, "/settings"), "form#resume", Map.of());

        JsonNode after = pages.read(lena, "reminders", "/api/me/reminder-settings");
        assertThat(after.path("pausedUntil").isNull() || after.path("pausedUntil").isMissingNode()).as(after.toString()).isTrue();
        assertThat(resumed.document().selectFirst("#paused-until")).isNull();
        assertThat(resumed.document().select("p.done").text()).contains("Your reminders are back on.");
    }

    @Test
    void a_sitting_check_in_is_answered_for_the_due_period_and_shown_in_the_trend() throws Exception {
        var mara = pages.signInNewEmployee(tenant, "Mara");
        TestBrowser.Page sitting = pages.open(mara, "/sitting");
        assertThat(sitting.document().selectFirst("#field-period option[selected]").val()).isEqualTo("baseline");

        TestBrowser.Page refused = mara.browser().submit(sitting, "form#sitting", Map.of("daysWorked", "5",
                "hoursWorked", "40", "sittingPercent", "70", "standingPercent", "20", "walkingPercent", "20",
                "heavyLabourPercent", "0"));
        assertThat(refused.document().selectFirst("#field-sittingPercent").attr("aria-invalid")).isEqualTo("true");
        assertThat(refused.document().selectFirst("#error-sittingPercent").text()).contains("add up to 110");

        TestBrowser.Page answered = mara.browser().submit(refused, "form#sitting", Map.of("walkingPercent", "10"));

        Document page = answered.document();
        assertThat(page.select("p.done").text()).contains("Start (baseline)");
        assertThat(page.select("#trend tbody tr").first().text()).isEqualTo("Start (baseline) 336 144 480");
        assertThat(page.selectFirst("svg.sitting-chart title").text()).isEqualTo("Minutes sitting per workday, by period");
        assertThat(page.select("svg.sitting-chart text").eachText()).contains("336", "Start (baseline)");
        assertThat(page.selectFirst("#feedback").text()).isNotBlank();
        // the next one due is the first check-in
        assertThat(page.selectFirst("#field-period option[selected]").val()).isEqualTo("check-in-1");
        JsonNode reports = pages.read(mara, "assessments", "/api/me/sitting-reports");
        assertThat(reports.path("items").get(0).path("period").asText()).isEqualTo("baseline");
        assertThat(reports.path("items").get(0).path("perWorkday").path("sittingMinutes").asInt()).isEqualTo(336);
    }

    @Test
    void my_data_shows_what_the_program_knows_and_the_export_downloads_as_a_json_file_naming_me() throws Exception {
        var nora = pages.signInNewEmployee(tenant, "Nora");

        Document myData = pages.open(nora, "/my-data").document();
        assertThat(myData.selectFirst("#me").text()).contains("Nora Test", "nora@" + tenant + ".example", "Europe/Berlin");

        TestBrowser.Page export = pages.open(nora, "/my-data/export");

        assertThat(export.status()).isEqualTo(200);
        assertThat(export.response().headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(export.response().headers().firstValue("Content-Disposition").orElse(""))
                .startsWith("attachment;").contains(".json");
        JsonNode document = Api.JSON.readTree(export.body());
        assertThat(document.path("employeeId").asText()).isEqualTo(nora.employeeId());
        assertThat(document.path("programs").toString()).contains("Nora Test");
        assertThat(document.path("services").has("reminders")).isTrue();
    }

    @Test
    void erasure_needs_the_confirmation_word_and_then_erases_and_offers_to_sign_out() throws Exception {
        var otto = pages.signInNewEmployee(tenant, "Otto");
        TestBrowser.Page confirm = pages.open(otto, "/my-data/erase");
        assertThat(confirm.document().select("h1").text()).isEqualTo("Erase my personal data");

        TestBrowser.Page refused = otto.browser().submit(confirm, "form#erase", Map.of("confirmation", "yes"));

        Element field = refused.document().selectFirst("#field-confirmation");
        assertThat(field.attr("aria-invalid")).isEqualTo("true");
        assertThat(refused.document().selectFirst("#error-confirmation").text()).contains("Type ERASE", "Nothing has been erased");
        assertThat(pages.read(otto, "programs", "/api/me").path("status").asText()).isEqualTo("enrolled");

        TestBrowser.Page erased = otto.browser().submit(refused, "form#erase", Map.of("confirmation", "erase"));

        assertThat(erased.uri().getPath()).isEqualTo("/my-data/erased");
        assertThat(erased.document().select("h1").text()).isEqualTo("Your data is erased");
        assertThat(erased.document().selectFirst("a#sign-out").attr("href")).isEqualTo("/sign-out");
        JsonNode me = pages.read(otto, "programs", "/api/me");
        assertThat(me.path("status").asText()).isEqualTo("erased");
        assertThat(me.path("displayName").isNull()).isTrue();
    }
}
