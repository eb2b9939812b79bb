package io.upright.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.upright.contracts.assessments.SittingCalendar;
import io.upright.localinfra.DevTokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads a demo tenant through the public APIs only, as its admin, HR and employees would: four teams (two
 * deliberately smaller than the anonymity threshold), employees imported with six weeks of history (they joined on
 * the program's first day, {@code joinedOn}), a sitting-reduction program launched six weeks ago with a champion per
 * team, desk assessments, an assessment campaign, and six weeks of logged routines. Names are fixed, so every demo
 * (and the README's screenshot) looks the same. Saved under {@code .upright/demo.json} so a restart reuses it.
 */
final class DemoTenant {

    static final String TENANT = "demo";

    record Employee(String id, String team) {
    }

    record Demo(String tenant, String webhookSecret, List<Employee> employees, String programId) {
    }

    private static final Map<String, Integer> TEAMS = teams();

    private DemoTenant() {
    }

    /** Loads the demo once; later starts read what the first one created. */
    static Demo loadOrCreate(LocalStack stack, WebhookInbox inbox, Path file, LocalStack.Progress progress) {
        if (Files.exists(file)) {
            try {
                Demo demo = Api.JSON.readValue(file.toFile(), Demo.class);
                inbox.trust(demo.webhookSecret());
                progress.step("Demo tenant '" + demo.tenant() + "' already loaded (" + demo.employees().size() + " employees)");
                return demo;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
        }
        Demo demo = create(stack, inbox, progress);
        try {
            Api.JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), demo);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
        return demo;
    }

    private static Demo create(LocalStack stack, WebhookInbox inbox, LocalStack.Progress progress) {
        DevTokens tokens = stack.tokens();
        Api reminders = new Api(stack.baseUrl("reminders"), tokens.issue(TENANT, "demo-admin", "admin"));
        JsonNode endpoint = reminders.post("/api/webhook-endpoints", Map.of("url", inbox.url()));
        String secret = endpoint.path("secret").asText();
        inbox.trust(secret);
        progress.step("Webhook endpoint registered: reminders go to the local inbox " + inbox.url());

        Api programs = new Api(stack.baseUrl("programs"), tokens.issue(TENANT, "demo-hr", "hr"));
        LocalDate startsOn = programStart();
        List<Employee> employees = new ArrayList<>();
        Map<String, String> teamIds = new LinkedHashMap<>();
        int n = 0;
        for (Map.Entry<String, Integer> team : TEAMS.entrySet()) {
            String teamId = programs.post("/api/teams", Map.of("name", team.getKey())).path("id").asText();
            teamIds.put(team.getKey(), teamId);
            for (int i = 0; i < team.getValue(); i++) {
                n++;
                ObjectNode person = Api.JSON.createObjectNode()
                        .put("displayName", "Demo Person " + n)
                        .put("email", "person" + n + "@demo.example")
                        // all day, so a demo started at any hour shows reminders arriving
                        .put("timeZone", "UTC").put("workdayStart", "00:00").put("workdayEnd", "23:59")
                        .put("standingDesk", n % 3 == 0)
                        // imported with their history: they joined when the program began
                        .put("joinedOn", startsOn.toString());
                String id = programs.post("/api/teams/" + teamId + "/employees", person).path("id").asText();
                employees.add(new Employee(id, team.getKey()));
            }
            progress.step("Team " + team.getKey() + ": " + team.getValue() + " employees enrolled");
        }

        String programId = launchProgram(programs, teamIds, employees, startsOn, progress);

        // assessments read the employee's team from EmployeeEnrolled; give the events a moment to arrive
        sleep(Duration.ofSeconds(2));
        int assessed = 0;
        for (int i = 0; i < employees.size(); i++) {
            Employee employee = employees.get(i);
            if (i % 4 == 3 && i < SMALL_TEAMS_FROM) {
                // not everyone in the large teams has done their assessment yet; everyone in the small ones has, so
                // together they hold k people and no large team's risk row is hidden to protect them
                continue;
            }
            Api me = new Api(stack.baseUrl("assessments"), tokens.issue(TENANT, employee.id(), "employee"));
            String assessment = me.post("/api/assessments", Map.of("templateId", "workstation-basics")).path("id").asText();
            me.put("/api/assessments/" + assessment + "/answers", Map.of("answers", answers(i)));
            me.post("/api/assessments/" + assessment + "/submission", Map.of());
            assessed++;
        }
        progress.step(assessed + " desk assessments submitted");
        // one person (who had not done the checklist) takes the ROSA check instead: their routine follows from it
        Employee rosaPerson = employees.get(ROSA_PERSON);
        Api rosa = new Api(stack.baseUrl("assessments"), tokens.issue(TENANT, rosaPerson.id(), "employee"));
        String rosaAssessment = rosa.post("/api/assessments", Map.of("templateId", "rosa")).path("id").asText();
        rosa.put("/api/assessments/" + rosaAssessment + "/answers", Map.of("answers", DeskAnswers.rosaActNow()));
        rosa.post("/api/assessments/" + rosaAssessment + "/submission", Map.of());
        progress.step("Employee " + rosaPerson.id() + " took the ROSA check (act now); employee "
                + employees.get(RED_FLAG_PERSON).id() + " reported a warning sign, so their exercises wait for a clinician");

        int[] sitting = reportSitting(stack, employees);
        progress.step("Sitting check-ins answered: " + sitting[0] + " baselines and " + sitting[1] + " for check-in 1");

        Api hrAssessments = new Api(stack.baseUrl("assessments"), tokens.issue(TENANT, "demo-hr", "hr"));
        hrAssessments.post("/api/assessment-campaigns", Map.of("teamId", teamIds.get("Engineering"),
                "templateId", "rosa", "dueDate", LocalDate.now(ZoneOffset.UTC).plusDays(10).toString()));
        progress.step("Assessment campaign started: Engineering re-assesses with ROSA within 10 days");

        // six weeks of routines, logged the way people log yesterday's walk: most weekdays, by most people
        Api catalogue = new Api(stack.baseUrl("exercises"), tokens.issue(TENANT, employees.get(0).id(), "employee"));
        List<String> routines = new ArrayList<>();
        catalogue.get("/api/routines?size=50").path("items").forEach(r -> routines.add(r.path("id").asText()));
        int sessions = 0;
        Instant now = Instant.now();
        for (int i = 0; i < employees.size(); i++) {
            Api me = new Api(stack.baseUrl("exercises"), tokens.issue(TENANT, employees.get(i).id(), "employee"));
            for (int day = HISTORY_DAYS; day >= 0; day--) {
                LocalDate date = LocalDate.ofInstant(now.minus(Duration.ofDays(day)), ZoneOffset.UTC);
                if (date.isBefore(startsOn) || date.getDayOfWeek().getValue() > 5 || (i + day) % 4 == 0) {
                    continue; // working days since the program began, and not every one of them
                }
                Instant at = now.minus(Duration.ofDays(day)).minus(Duration.ofMinutes(30 + (i * 7) % 180));
                me.post("/api/me/exercise-sessions", Map.of("routineId", routines.get((i + day) % routines.size()),
                        "minutes", 5 + (i + day) % 6, "feltRating", 2 + (i + day) % 4, "completedAt", at.toString()));
                sessions++;
            }
        }
        progress.step(sessions + " exercise sessions logged over the last six weeks");
        // the closed weeks are published at HR's first read: let insights count the whole history first
        boolean counted = stack.awaitConsumed("insights", List.of("upright.programs", "upright.assessments",
                "upright.exercises", "upright.reminders"), Duration.ofSeconds(120));
        progress.step(counted ? "Insights has counted the history" : "Insights is still counting the history");
        return new Demo(TENANT, secret, employees, programId);
    }

    /**
     * Each employee's sitting self-report (OSPAQ) for the baseline and for check-in 1, through their own API, as they
     * would answer the reminders' asks: most sit a little less at check-in 1 than at baseline, a few do not, and one in
     * five of the large teams has not answered check-in 1. Everyone in the small teams answers, so together they hold
     * k people and hiding them hides no large team.
     */
    private static int[] reportSitting(LocalStack stack, List<Employee> employees) {
        int baselines = 0;
        int checkIns = 0;
        for (int i = 0; i < employees.size(); i++) {
            Api me = new Api(stack.baseUrl("assessments"), stack.tokens().issue(TENANT, employees.get(i).id(), "employee"));
            int sittingBefore = 65 + (i * 7) % 20;   // 65-84 % of work time
            me.put("/api/me/sitting-reports/baseline", sittingReport(sittingBefore));
            baselines++;
            if (i % 5 == 4 && i < SMALL_TEAMS_FROM) {
                continue;
            }
            int change = i % 6 == 5 ? 2 : -(5 + (i * 3) % 12); // most sit 5-16 points less, some a little more
            me.put("/api/me/sitting-reports/check-in-1", sittingReport(sittingBefore + change));
            checkIns++;
        }
        return new int[]{baselines, checkIns};
    }

    private static Map<String, Object> sittingReport(int sittingPercent) {
        int standing = (100 - sittingPercent) * 2 / 3;
        return Map.of("daysWorked", 5, "hoursWorked", 40, "sittingPercent", sittingPercent, "standingPercent", standing,
                "walkingPercent", 100 - sittingPercent - standing, "heavyLabourPercent", 0);
    }

    /**
     * For a demo loaded now: check-in 1's round is published a couple of minutes from now rather than four weeks after
     * it opened, so HR's sitting-outcome panel has a round to show (a real tenant waits the window out).
     */
    static Map<String, String> insightsEnvironment(Instant now) {
        Instant checkIn1Opens = SittingCalendar.checkInOpens(programStart(), 1);
        return Map.of("UPRIGHT_INSIGHTS_SITTING_ROUND_WINDOW", Duration.between(checkIn1Opens, now.plus(SITTING_ROUND_AFTER)).toString());
    }

    /** How long after start-up the demo's check-in 1 round is published. */
    static final Duration SITTING_ROUND_AFTER = Duration.ofMinutes(3);

    /** The index of the first employee of the small teams (Design and Legal come after Finance and Engineering). */
    private static final int SMALL_TEAMS_FROM = 20;

    /** Whose checklist reports a warning sign (a sign to see a clinician before exercising). */
    /**
     * Who signs in to the demo: HR, the admin, three employees (the first one, the ROSA person and the one whose
     * warning sign withholds exercises), each with the employee id the demo enrolled them under, and a content editor.
     * Local passwords only.
     */
    static List<UprightRealm.Person> people(Demo demo) {
        String domain = "@" + demo.tenant() + ".upright.example";
        return List.of(
                new UprightRealm.Person("hr", "hr" + domain, "Hanna", "Roth", "hr-demo-password", demo.tenant(), null, List.of("hr")),
                new UprightRealm.Person("admin", "admin" + domain, "Ali", "Demir", "admin-demo-password", demo.tenant(), null, List.of("admin")),
                new UprightRealm.Person("employee", "employee" + domain, "Emil", "Berg", "employee-demo-password", demo.tenant(),
                        demo.employees().get(0).id(), List.of("employee")),
                new UprightRealm.Person("rosa", "rosa" + domain, "Rosa", "Lind", "rosa-demo-password", demo.tenant(),
                        demo.employees().get(ROSA_PERSON).id(), List.of("employee")),
                new UprightRealm.Person("flagged", "flagged" + domain, "Finn", "Aho", "flagged-demo-password", demo.tenant(),
                        demo.employees().get(RED_FLAG_PERSON).id(), List.of("employee")),
                // the exercise library belongs to Upright's own content team: its editor signs in under the library's
                // tenant (exercises' UPRIGHT_CONTENT_LIBRARY_TENANT, default "upright"), not the demo company's
                new UprightRealm.Person("editor", "editor@" + CONTENT_LIBRARY_TENANT + ".upright.example", "Cora", "Lund",
                        "editor-demo-password", CONTENT_LIBRARY_TENANT, null, List.of("content-editor")));
    }

    static final int RED_FLAG_PERSON = 5;
    /** The tenant the exercises service keeps its content library under (its default). */
    static final String CONTENT_LIBRARY_TENANT = "upright";
    /** Who takes the ROSA check instead of the checklist (one of those the checklist loop leaves out). */
    static final int ROSA_PERSON = 3;

    /** Days of logged history: six weeks, within what exercises accepts for a session logged late. */
    private static final int HISTORY_DAYS = 41;

    /** The Monday six weeks ago: the program's first day, and the day the imported employees joined. */
    private static LocalDate programStart() {
        return LocalDate.now(ZoneOffset.UTC).minusWeeks(5).with(DayOfWeek.MONDAY);
    }

    /**
     * "Sit less, move more" for all four teams, started on the Monday six weeks ago: a break every 60 minutes
     * for two weeks, then 45, then 30 (the NHS advice is to get up after 30 minutes of sitting); the daily target
     * of standing or light activity grows from 2 towards 4 hours (Buckley et al. 2015).
     */
    private static String launchProgram(Api programs, Map<String, String> teamIds, List<Employee> employees,
                                        LocalDate startsOn, LocalStack.Progress progress) {
        Map<String, Object> draft = new LinkedHashMap<>();
        draft.put("title", "Sit less, move more");
        draft.put("teamIds", new ArrayList<>(teamIds.values()));
        draft.put("minBreakEveryMinutes", 20);
        draft.put("maxBreakEveryMinutes", 90);
        draft.put("phases", List.of(
                Map.of("startWeek", 1, "breakEveryMinutes", 60, "dailyActiveMinutesTarget", 120),
                Map.of("startWeek", 3, "breakEveryMinutes", 45, "dailyActiveMinutesTarget", 180),
                Map.of("startWeek", 5, "breakEveryMinutes", 30, "dailyActiveMinutesTarget", 240)));
        String programId = programs.post("/api/programs", draft).path("id").asText();
        programs.post("/api/programs/" + programId + "/launch", Map.of("startsOn", startsOn.toString()));
        for (Map.Entry<String, String> team : teamIds.entrySet()) {
            employees.stream().filter(e -> e.team().equals(team.getKey())).findFirst().ifPresent(champion ->
                    programs.post("/api/programs/" + programId + "/teams/" + team.getValue() + "/champions",
                            Map.of("employeeId", champion.id())));
        }
        progress.step("Program 'Sit less, move more' launched for all four teams (started " + startsOn
                + "), with a champion per team");
        return programId;
    }

    /** Whose reminders the demo's stand-ins leave alone in Slack, for whoever runs the demo to answer. */
    static final String LEFT_FOR_YOU = "person1@demo.example";

    /**
     * Stands in for the demo's people at their desks: two of three reminders get a Done (a walk, a stretch
     * or standing up) a few seconds after they arrive. With the Slack app installed they press Done in the simulated
     * workspace, so the terminal shows the message change as it would in Slack, and {@link #LEFT_FOR_YOU}'s reminders
     * wait for {@code ./upright slack press}; a reminder that reached no Slack member is answered through the same API
     * a chat button would call.
     *
     * @param slack the simulated workspace, or null when the app is not installed
     */
    static void answerLikeEmployees(LocalStack stack, Demo demo, WebhookInbox inbox, SlackWorkspace slack) {
        java.util.Set<String> demoPeople = new java.util.HashSet<>();
        demo.employees().forEach(e -> demoPeople.add(e.id()));
        java.util.concurrent.ScheduledExecutorService later = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "demo-employees");
            t.setDaemon(true);
            return t;
        });
        List<String> activities = List.of("walk", "stretch", "stand");
        inbox.onDelivery(delivery -> {
            String employee = delivery.body().path("employeeId").asText();
            String reminder = delivery.body().path("reminderId").asText();
            int roll = Math.floorMod(reminder.hashCode(), 3);
            if (!demoPeople.contains(employee) || !"break.reminder".equals(delivery.body().path("type").asText())) {
                return; // a nudge (desk check, sitting check-in) is answered by doing it in Upright, not from the message
            }
            if (roll == 0) {
                return; // a skipped break: not everyone gets up every time
            }
            later.schedule(() -> {
                if (slack != null && slack.messages().stream().anyMatch(m -> reminder.equals(m.reminderId()))) {
                    return; // it reached them in Slack: answered there, or left for you
                }
                try {
                    new Api(stack.baseUrl("reminders"), stack.tokens().issue(demo.tenant(), employee, "employee"))
                            .post("/api/me/reminders/" + reminder + "/answer",
                                    Map.of("answer", "done", "activity", activities.get(roll), "activeMinutes", 2 + roll));
                } catch (RuntimeException e) {
                    // the reminder may have been answered already; the demo carries on
                }
            }, 5, java.util.concurrent.TimeUnit.SECONDS);
        });
        if (slack == null) {
            return;
        }
        slack.onDirectMessage(message -> {
            String reminder = message.reminderId();
            if (reminder == null || message.buttons().isEmpty() || LEFT_FOR_YOU.equals(message.email())
                    || Math.floorMod(reminder.hashCode(), 3) == 0) {
                return; // a nudge, yours to answer, or a skipped break
            }
            later.schedule(() -> {
                try {
                    slack.press(reminder, "done", null, true);
                } catch (RuntimeException e) {
                    // answered already, or the service is restarting; the demo carries on
                }
            }, 5, java.util.concurrent.TimeUnit.SECONDS);
        });
    }

    /** Varied but repeatable answers, so the dashboard has a spread of risk levels and findings. */
    private static Map<String, Object> answers(int i) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("feetFlatOnFloor", i % 3 != 0);
        a.put("kneesNear90Degrees", i % 4 != 0);
        a.put("backSupported", i % 2 == 0);
        a.put("screenAtEyeLevel", i % 3 == 1);
        a.put("chairType", List.of("office-adjustable", "office-fixed", "kitchen-or-dining").get(i % 3));
        a.put("standingDeskAvailable", i % 5 == 0);
        a.put("hoursSittingPerDay", 4 + i % 6);
        a.put("longestSittingBoutMinutes", 30 + (i * 17) % 120);
        a.put("standUpFrequency", List.of("every-30-min", "hourly", "every-2-hours", "rarely").get(i % 4));
        a.put("discomfortWhenSitting", i % 7);
        a.put("discomfortWhenWalkingOrStanding", (i * 3) % 6);
        a.putAll(DeskAnswers.nothingToReport());
        // one person reports numbness in a leg: a sign to see a clinician first, so their exercises are withheld
        a.put("legNumbnessOrTingling", i == RED_FLAG_PERSON);
        return a;
    }

    private static Map<String, Integer> teams() {
        Map<String, Integer> teams = new LinkedHashMap<>();
        // large enough that most weeks at least k = 5 of them are active, so their weekly cells are published
        teams.put("Finance", 9);
        teams.put("Engineering", 11);
        // smaller than k = 5: HR sees them suppressed; together they hold 5, so no larger team is hidden
        // to protect them (complementary suppression)
        teams.put("Design", 3);
        teams.put("Legal", 2);
        return teams;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
