package io.upright.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.upright.localinfra.DevTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What each kind of person is told, end to end across the packaged services: their answers, the urgency of what
 * they reported (assessments), the routine and micro-breaks chosen for them (exercises), and what their next break
 * reminder suggests (reminders). Every row names the seed sentence or the published source it follows.
 *
 * <p>Sources: the seed is {@code shared/domain/seed-article.txt} (line numbers); Finucane et al. 2020,
 * "International framework for red flags for potential serious spinal pathologies", JOSPT 50(7); NICE NG59 (2016,
 * 2020), "Low back pain and sciatica in over 16s"; Sonne, Villalta and Andrews 2012, "Development and evaluation of
 * an office ergonomic checklist: ROSA", Applied Ergonomics 43(1); Katz and Harris 2008, "Lumbar spinal stenosis",
 * NEJM 358(8); ACSM's Guidelines for Exercise Testing and Prescription, 11th ed. (2021), progression.
 */
class ClinicalScenariosIT {

    private static final String TENANT = "clinic-" + UUID.randomUUID().toString().substring(0, 8);
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static PackagedStack packaged;
    private static LocalStack stack;
    private static WebhookInbox inbox;

    @BeforeAll
    static void startEverything() throws Exception {
        packaged = PackagedStack.start("clinical", Duration.ofSeconds(20));
        stack = packaged.stack;
        inbox = packaged.inbox;
    }

    @AfterAll
    static void stopEverything() {
        if (packaged != null) {
            packaged.close();
        }
    }

    /** What one person does, and what they must be told. {@code routine} null: exercises withheld. */
    record Person(String who, List<Step> steps, String urgency, String status, String routine, String source) {
    }

    /** One thing a person does, in order. */
    sealed interface Step permits Checklist, Rosa, Cleared, Sessions {
    }

    record Checklist(Map<String, Object> answers) implements Step {
    }

    record Rosa(Map<String, Object> answers) implements Step {
    }

    record Cleared() implements Step {
    }

    /** {@code count} sessions of the routine recommended now, one a day ending today, each with this discomfort. */
    record Sessions(int count, int feltRating, List<Integer> discomfort) implements Step {
    }

    private static Map<String, Object> desk(Object... overrides) {
        Map<String, Object> answers = DeskAnswers.goodDesk();
        for (int i = 0; i < overrides.length; i += 2) {
            answers.put((String) overrides[i], overrides[i + 1]);
        }
        return answers;
    }

    private static Map<String, Object> rosa(Map<String, Object> base, Object... overrides) {
        Map<String, Object> answers = new LinkedHashMap<>(base);
        for (int i = 0; i < overrides.length; i += 2) {
            answers.put((String) overrides[i], overrides[i + 1]);
        }
        return answers;
    }

    // answer sets: the checklist's thresholds are 6 h or a 60 min bout (prolonged), walking discomfort 3, sitting 4
    private static final Object[] HIP_FLEXOR = {"hoursSittingPerDay", 9, "longestSittingBoutMinutes", 120,
            "discomfortWhenWalkingOrStanding", 5};
    private static final Object[] LOW_BACK = {"discomfortWhenSitting", 6};
    private static final Object[] SITS_LONG = {"hoursSittingPerDay", 8, "standUpFrequency", "rarely"};

    private static Object[] with(Object[] base, Object... more) {
        Object[] all = new Object[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    private static Person emergency(String sign) {
        return new Person("reports " + sign, List.of(new Checklist(desk(with(HIP_FLEXOR, sign, true)))), "EMERGENCY",
                "PAUSED", null, "Finucane et al. 2020 and NICE NG59: suspected cauda equina is an emergency, same-day care");
    }

    private static Person seeClinician(String sign, String source) {
        return new Person("reports " + sign, List.of(new Checklist(desk(with(LOW_BACK, sign, true)))), "SEE_CLINICIAN_FIRST",
                "PAUSED", null, source);
    }

    static List<Person> people() {
        List<Person> people = new ArrayList<>();
        people.add(new Person("a good desk, moving often", List.of(new Checklist(desk())), "NONE", "NONE",
                "walking-break", "seed 49: moving more helps; a 5-10 minute sequence in the morning or before bed"));
        people.add(new Person("long sitting and pain when getting up to walk", List.of(new Checklist(desk(HIP_FLEXOR))),
                "NONE", "NONE", "hip-flexor-reset", "seed 21-22: sitting keeps the hip flexors shortened"));
        people.add(new Person("lower-back pain while sitting", List.of(new Checklist(desk(LOW_BACK))), "NONE", "NONE",
                "desk-day-lower-back", "seed 57: stretch and strengthen the muscles of the lower back and pelvis"));
        people.add(new Person("long sitting without pain", List.of(new Checklist(desk(SITS_LONG))), "NONE", "NONE",
                "walking-break", "seed 49: moving more can help reduce back pain when walking, if sedentary for work"));
        people.add(new Person("a low screen only", List.of(new Checklist(desk("screenAtEyeLevel", false))), "NONE",
                "NONE", "posture-reset", "seed 45: improving your posture; Sonne et al. 2012: monitor at eye level"));
        people.add(emergency("saddleNumbness"));
        people.add(emergency("newBladderBowelOrSexualProblems"));
        people.add(emergency("symptomsInBothLegs"));
        people.add(emergency("progressiveLegWeakness"));
        people.add(seeClinician("feverWithBackPain", "Finucane et al. 2020: fever with back pain, possible infection"));
        people.add(seeClinician("unexplainedWeightLoss", "Finucane et al. 2020: weight loss, possible malignancy"));
        people.add(seeClinician("historyOfCancer", "Finucane et al. 2020: history of cancer is the strongest malignancy flag"));
        people.add(seeClinician("weakenedImmuneSystem", "Finucane et al. 2020: immunosuppression, infection risk"));
        people.add(seeClinician("osteoporosisOrLongTermSteroids", "Finucane et al. 2020: osteoporosis or steroids, fracture risk"));
        people.add(seeClinician("painAtNightOrAtRest", "NICE NG59: non-mechanical night pain is assessed before exercise"));
        people.add(seeClinician("painRadiatesDownLeg", "NICE NG59: sciatica below the knee is assessed first; seed 6"));
        people.add(seeClinician("recentFallOrBackInjury", "Finucane et al. 2020: significant trauma, fracture risk"));
        people.add(new Person("night pain, then cleared by a clinician", List.of(
                new Checklist(desk(with(HIP_FLEXOR, "painAtNightOrAtRest", true))), new Cleared()), "SEE_CLINICIAN_FIRST",
                "CLEARED", "hip-flexor-reset", "seed 6: you and your doctor or physical therapist address the cause"));
        people.add(new Person("lower-back pain and the stenosis pattern", List.of(new Checklist(desk(with(LOW_BACK,
                "legPainWhenWalkingEasedBySitting", true)))), "NONE", "NONE", "desk-mobility-break",
                "seed 25-27: lumbar spinal stenosis; Katz and Harris 2008: extension aggravates it, so no back extension"));
        people.add(new Person("hip-flexor pattern on blood thinners", List.of(new Checklist(desk(with(HIP_FLEXOR,
                "takesBloodThinners", true)))), "NONE", "NONE", "hip-flexor-reset",
                "seed 52: release is done with a physical therapist; deep pressure and anticoagulants do not mix"));
        people.add(new Person("lower-back pain, pregnant", List.of(new Checklist(desk(with(LOW_BACK, "pregnant", true)))),
                "NONE", "NONE", "desk-day-lower-back", "ACSM 2021: no deep abdominal pressure or lying prone in pregnancy"));
        people.add(new Person("hip-flexor pattern after recent surgery", List.of(new Checklist(desk(with(HIP_FLEXOR,
                "surgeryInLastSixMonths", true)))), "NONE", "NONE", "posture-reset",
                "seed 6 and 43: after surgery, exercise as your clinician advises; nothing that loads the hip"));
        people.add(new Person("ROSA only, act now", List.of(new Rosa(DeskAnswers.rosaActNow())), "NONE", "NONE",
                "walking-break", "Sonne et al. 2012: a ROSA score of 5 or more calls for change now; seed 49"));
        people.add(new Person("ROSA only, a neutral workstation", List.of(new Rosa(DeskAnswers.rosaNeutral())), "NONE",
                "NONE", "walking-break", "Sonne et al. 2012: scores below 3 need no change; seed 49: keep moving"));
        people.add(new Person("ROSA with a fixed backrest and a high desk", List.of(new Rosa(rosa(DeskAnswers.rosaNeutral(),
                "backSupportNotAdjustable", true, "workSurfaceTooHigh", true))), "NONE", "NONE", "desk-mobility-break",
                "Sonne et al. 2012: back-support +1s; seed 45: posture and stretching"));
        people.add(new Person("checklist hip-flexor pattern, then a ROSA check", List.of(new Checklist(desk(HIP_FLEXOR)),
                new Rosa(DeskAnswers.rosaActNow())), "NONE", "NONE", "hip-flexor-reset",
                "seed 55: continued care of the hip flexors; a workstation check adds to it, not replaces it"));
        people.add(new Person("ROSA act now, then a checklist with lower-back pain", List.of(new Rosa(DeskAnswers.rosaActNow()),
                new Checklist(desk(LOW_BACK))), "NONE", "NONE", "desk-day-lower-back",
                "seed 57: corrective exercise for the lower back alongside the workstation changes"));
        people.add(new Person("two checklists on the same day", List.of(new Checklist(desk(HIP_FLEXOR)),
                new Checklist(desk(HIP_FLEXOR))), "NONE", "NONE", "hip-flexor-reset",
                "seed 59: increase slowly; a second check is not a week of practice"));
        people.add(new Person("six easy sessions over a week", List.of(new Checklist(desk(HIP_FLEXOR)),
                new Sessions(8, 4, List.of(2, 2, 2, 2, 2, 2, 2, 2))), "NONE", "NONE", "hip-flexor-builder",
                "seed 59: slowly increasing; ACSM 2021: progress when the current load is tolerated"));
        people.add(new Person("a week of walks, then pain rising on the longer walk", List.of(new Checklist(desk(SITS_LONG)),
                new Sessions(8, 4, List.of(1, 1, 1, 1, 1, 1, 1, 1)), new Sessions(2, 3, List.of(2, 5))), "NONE", "NONE",
                "walking-break", "seed 59: walking longer can fatigue and overuse the muscles; step back when it hurts more"));
        return people;
    }

    @Test
    void each_person_is_told_what_their_answers_call_for_from_urgency_to_routine_to_reminder() {
        List<Person> people = people();
        assertThat(people).hasSizeGreaterThanOrEqualTo(25);
        DevTokens tokens = stack.tokens();
        Api admin = new Api(stack.baseUrl("reminders"), tokens.issue(TENANT, "admin-1", "admin"));
        inbox.trust(admin.post("/api/webhook-endpoints", Map.of("url", inbox.url())).path("secret").asText());
        Api hr = new Api(stack.baseUrl("programs"), tokens.issue(TENANT, "hr-1", "hr"));
        String team = hr.post("/api/teams", Map.of("name", "Clinic")).path("id").asText();
        Map<String, Set<String>> codesOf = contraindicationCodes(tokens);

        Map<Person, String> ids = new LinkedHashMap<>();
        for (int i = 0; i < people.size(); i++) {
            ObjectNode person = Api.JSON.createObjectNode().put("displayName", "Patient " + i)
                    .put("email", "p" + i + "@" + TENANT + ".example").put("timeZone", "UTC")
                    .put("workdayStart", "00:00").put("workdayEnd", "23:59").put("standingDesk", false);
            ids.put(people.get(i), hr.post("/api/teams/" + team + "/employees", person).path("id").asText());
        }
        for (Map.Entry<Person, String> entry : ids.entrySet()) {
            act(tokens, entry.getKey(), entry.getValue());
        }

        for (Map.Entry<Person, String> entry : ids.entrySet()) {
            Person p = entry.getKey();
            String id = entry.getValue();
            String row = p.who() + " [" + p.source() + "]";
            Api assessments = new Api(stack.baseUrl("assessments"), tokens.issue(TENANT, id, "employee"));
            Api exercises = new Api(stack.baseUrl("exercises"), tokens.issue(TENANT, id, "employee"));

            // urgency: the employee's own view, and only theirs
            JsonNode status = assessments.get("/api/me/clinical-status");
            assertThat(status.path("status").asText()).as(row).isEqualTo(p.status());
            if (!"NONE".equals(p.status())) {
                assertThat(status.path("urgency").asText()).as(row).isEqualTo(p.urgency());
            }
            if ("EMERGENCY".equals(p.urgency()) && "PAUSED".equals(p.status())) {
                assertThat(status.path("advice").asText()).as(row).contains("emergency").contains("today");
            }

            // the routine, its reasons, and nothing the person's precautions rule out
            JsonNode recommendation = awaitRecommendation(exercises, p);
            Set<String> precautions = precautionsOf(p);
            if (p.routine() == null) {
                assertThat(recommendation.path("withheldForClinicalReview").asBoolean()).as(row).isTrue();
                assertThat(recommendation.path("routine").isNull() || recommendation.path("routine").isMissingNode()).as(row).isTrue();
                assertThat(recommendation.path("microBreaks")).as(row).isEmpty();
                // the message says to see a clinician and names no symptom back
                assertThat(recommendation.path("message").asText()).as(row).contains("clinician")
                        .doesNotContainIgnoringCase("numb").doesNotContainIgnoringCase("weakness").doesNotContainIgnoringCase("bladder");
            } else {
                assertThat(recommendation.path("routine").path("id").asText()).as(row).isEqualTo(p.routine());
                assertThat(recommendation.path("message").asText()).as(row).isNotBlank();
                if (!recommendation.path("reasons").isEmpty()) {
                    // a finding is never answered with "nothing to fix" (a ROSA score of 10 once was)
                    assertThat(recommendation.path("message").asText()).as(row).doesNotContainIgnoringCase("nothing to fix");
                }
                List<String> offered = new ArrayList<>();
                recommendation.path("routine").path("exercises").forEach(e -> offered.add(e.path("id").asText()));
                recommendation.path("microBreaks").forEach(m -> offered.add(m.path("exerciseId").asText()));
                assertThat(recommendation.path("microBreaks")).as(row + ": micro-breaks").isNotEmpty();
                for (String exercise : offered) {
                    assertThat(java.util.Collections.disjoint(codesOf.getOrDefault(exercise, Set.of()), precautions))
                            .as(row + ": " + exercise + " is ruled out by " + precautions).isTrue();
                }
            }
            if (p.steps().stream().anyMatch(step -> step instanceof Rosa r && !r.answers().equals(DeskAnswers.rosaNeutral()))) {
                assertThat(recommendation.path("reasons").toString()).as(row + ": ROSA findings reach the reasons")
                        .containsAnyOf("ROSA_ACT_NOW", "BACKREST_SETUP", "NO_LUMBAR_SUPPORT", "MONITOR_POSITION")
                        .contains("workstationAction");
            }

            // the next break reminder: a micro-break they may do, or only a gentle walk while paused
            JsonNode suggestion = awaitBreakSuggestion(tokens, id, p.routine() == null ? "exercises-paused" : "micro-break",
                    p.routine() == null ? Set.of() : microBreakIds(recommendation));
            String text = suggestion.path("message").asText();
            if (p.routine() == null) {
                assertThat(text).as(row).containsIgnoringCase("walk").doesNotContainIgnoringCase("stretch");
            } else {
                assertThat(java.util.Collections.disjoint(codesOf.getOrDefault(suggestion.path("exerciseId").asText(), Set.of()),
                        precautions)).as(row + ": the break's exercise is ruled out by " + precautions).isTrue();
                assertThat(suggestion.path("durationMinutes").asInt()).as(row + ": a micro-break").isBetween(1, 2);
                assertThat(text).as(row).isNotBlank();
            }
        }
    }

    private static void act(DevTokens tokens, Person p, String id) {
        Api assessments = new Api(stack.baseUrl("assessments"), tokens.issue(TENANT, id, "employee"));
        Api exercises = new Api(stack.baseUrl("exercises"), tokens.issue(TENANT, id, "employee"));
        // assessments learns the employee's team from EmployeeEnrolled first
        await().atMost(WAIT).until(() -> assessments.status("/api/me/clinical-status") == 200);
        for (Step step : p.steps()) {
            if (step instanceof Checklist checklist) {
                submit(assessments, "workstation-basics", checklist.answers());
            } else if (step instanceof Rosa rosa) {
                submit(assessments, "rosa", rosa.answers());
            } else if (step instanceof Cleared) {
                await().atMost(WAIT).until(() -> "PAUSED".equals(assessments.get("/api/me/clinical-status").path("status").asText()));
                assessments.post("/api/me/clinical-clearance", Map.of("clearedOn", LocalDate.now(ZoneOffset.UTC).toString(),
                        "note", "Seen by my GP; fine to exercise."));
            } else if (step instanceof Sessions sessions) {
                // log against the routine recommended now, once it is there
                String routine = awaitRoutine(exercises);
                Instant now = Instant.now();
                for (int i = 0; i < sessions.count(); i++) {
                    Map<String, Object> session = new HashMap<>();
                    session.put("routineId", routine);
                    session.put("minutes", 8);
                    session.put("feltRating", sessions.feltRating());
                    session.put("discomfort", sessions.discomfort().get(i));
                    session.put("completedAt", now.minus(Duration.ofDays(sessions.count() - 1 - i)).minusSeconds(60).toString());
                    exercises.post("/api/me/exercise-sessions", session);
                }
                // the next step starts from what these sessions decided
                await().atMost(WAIT).until(() -> !routine.equals(awaitRoutine(exercises)));
            }
        }
    }

    private static void submit(Api assessments, String template, Map<String, Object> answers) {
        String assessment = assessments.post("/api/assessments", Map.of("templateId", template)).path("id").asText();
        assessments.put("/api/assessments/" + assessment + "/answers", Map.of("answers", answers));
        assessments.post("/api/assessments/" + assessment + "/submission", Map.of());
    }

    private static String awaitRoutine(Api exercises) {
        await().atMost(WAIT).until(() -> exercises.status("/api/me/recommendation") == 200
                && !exercises.get("/api/me/recommendation").path("routine").path("id").asText().isEmpty());
        return exercises.get("/api/me/recommendation").path("routine").path("id").asText();
    }

    /** The recommendation once it reflects every assessment the person took (and their clearance). */
    private static JsonNode awaitRecommendation(Api exercises, Person p) {
        JsonNode[] last = new JsonNode[1];
        try {
            await().atMost(WAIT).until(() -> {
                if (exercises.status("/api/me/recommendation") != 200) {
                    return false;
                }
                last[0] = exercises.get("/api/me/recommendation");
                String routine = last[0].path("routine").path("id").asText(null);
                return p.routine() == null ? last[0].path("withheldForClinicalReview").asBoolean() : p.routine().equals(routine);
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            assertThat(last[0]).as(p.who() + ": the recommendation never became " + p.routine()).isNull();
        }
        return last[0];
    }

    private static Set<String> microBreakIds(JsonNode recommendation) {
        Set<String> ids = new HashSet<>();
        recommendation.path("microBreaks").forEach(m -> ids.add(m.path("exerciseId").asText()));
        return ids;
    }

    /** The personal suggestion of a break reminder delivered to the employee, of this type (and exercise). */
    private static JsonNode awaitBreakSuggestion(DevTokens tokens, String employee, String type, Set<String> exercises) {
        Api me = new Api(stack.baseUrl("reminders"), tokens.issue(TENANT, employee, "employee"));
        JsonNode[] found = new JsonNode[1];
        await().atMost(WAIT).until(() -> {
            for (WebhookInbox.Delivery d : inbox.deliveries()) {
                if (employee.equals(d.body().path("employeeId").asText()) && "break".equals(d.body().path("kind").asText())) {
                    JsonNode suggestion = me.get("/api/me/reminders/" + d.body().path("reminderId").asText()).path("suggestion");
                    if (type.equals(suggestion.path("type").asText())
                            && (exercises.isEmpty() || exercises.contains(suggestion.path("exerciseId").asText()))) {
                        found[0] = suggestion;
                        return true;
                    }
                }
            }
            return false;
        });
        return found[0];
    }

    private static Set<String> precautionsOf(Person p) {
        Map<String, String> questions = Map.of("takesBloodThinners", "anticoagulants",
                "legPainWhenWalkingEasedBySitting", "stenosis-symptoms", "surgeryInLastSixMonths", "recent-surgery",
                "pregnant", "pregnancy", "osteoporosisOrLongTermSteroids", "osteoporosis");
        Set<String> codes = new HashSet<>();
        for (Step step : p.steps()) {
            Map<String, Object> answers = step instanceof Checklist c ? c.answers() : step instanceof Rosa r ? r.answers() : Map.of();
            questions.forEach((question, code) -> {
                if (Boolean.TRUE.equals(answers.get(question))) {
                    codes.add(code);
                }
            });
        }
        return codes;
    }

    private static Map<String, Set<String>> contraindicationCodes(DevTokens tokens) {
        Api catalogue = new Api(stack.baseUrl("exercises"), tokens.issue(TENANT, UUID.randomUUID().toString(), "employee"));
        Map<String, Set<String>> codes = new HashMap<>();
        catalogue.get("/api/exercises?size=200").path("items").forEach(e -> {
            Set<String> these = new HashSet<>();
            e.path("contraindicationCodes").forEach(c -> these.add(c.asText()));
            codes.put(e.path("id").asText(), these);
        });
        assertThat(codes).as("the catalogue lists exercises with their contraindication codes").isNotEmpty();
        assertThat(codes.values().stream().anyMatch(c -> c.contains("anticoagulants"))).isTrue();
        return codes;
    }
}
