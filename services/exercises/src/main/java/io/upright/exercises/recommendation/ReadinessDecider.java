package io.upright.exercises.recommendation;

import io.upright.exercises.catalogue.Catalogue;
import io.upright.exercises.catalogue.Exercise;
import io.upright.platform.domain.Rejection;
import io.upright.platform.eventstore.Aggregate;
import io.upright.platform.eventstore.Decider;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Rules of an employee's readiness: the readiness screen needs all seven answers (a missing one is refused naming
 * its field) and the latest answers count; a technique can be confirmed only for a published self-release
 * technique, on one of the two bases. Repeating the same answers or the same confirmation changes nothing.
 */
public class ReadinessDecider implements Decider<ReadinessDecider.Command, ReadinessDecider.State, ReadinessEvent> {

    public static final Aggregate<Command, State, ReadinessEvent> READINESS =
            Aggregate.of("exercise-readiness", ReadinessEvent.class, new ReadinessDecider());

    /** How the employee knows a release technique. */
    public enum Basis { SHOWN_BY_PHYSIOTHERAPIST, READ_SAFETY_NOTE }

    /** One stream per employee, beside their recommendation stream (whose id is the employee id itself). */
    public static UUID streamId(UUID employeeId) {
        return UUID.nameUUIDFromBytes(("exercise-readiness:" + employeeId).getBytes(StandardCharsets.UTF_8));
    }

    public sealed interface Command {
    }

    public record AnswerScreen(UUID employeeId, ReadinessAnswers answers, Instant at) implements Command {
    }

    /** {@code published}: the library now, which says whether the exercise is a release technique. */
    public record ConfirmTechnique(UUID employeeId, String exerciseId, String basis, Instant at, Catalogue published)
            implements Command {
    }

    /** The latest screen (null: never answered) and the confirmations by exercise id. */
    public record State(ReadinessEvent.ReadinessScreenAnswered screen,
                        Map<String, ReadinessEvent.TechniqueConfirmed> confirmations) {

        public Readiness readiness() {
            boolean answered = screen != null;
            boolean yes = answered && screen.answers().anyYes();
            return new Readiness(answered && !yes, yes, confirmations.keySet());
        }
    }

    @Override
    public State initialState() {
        return new State(null, Map.of());
    }

    @Override
    public List<ReadinessEvent> decide(Command command, State state) {
        if (command instanceof AnswerScreen answer) {
            if (answer.answers() == null) {
                throw Rejection.invalid(new ReadinessAnswers(null, null, null, null, null, null, null).missing());
            }
            if (!answer.answers().missing().isEmpty()) {
                throw Rejection.invalid(answer.answers().missing());
            }
            if (state.screen() != null && state.screen().answers().equals(answer.answers())) {
                return List.of();
            }
            return List.of(new ReadinessEvent.ReadinessScreenAnswered(answer.employeeId(), answer.answers(), answer.at()));
        }
        ConfirmTechnique confirm = (ConfirmTechnique) command;
        boolean release = confirm.exerciseId() != null
                && confirm.published().exercise(confirm.exerciseId()).map(Exercise::softTissueRelease).orElse(false);
        if (!release) {
            throw Rejection.invalid("exerciseId", "must be a published self-release technique, e.g. "
                    + confirm.published().exercises().stream().filter(Exercise::softTissueRelease).map(Exercise::id).sorted().toList());
        }
        if (confirm.basis() == null || Arrays.stream(Basis.values()).noneMatch(b -> b.name().equals(confirm.basis()))) {
            throw Rejection.invalid("basis", "must be one of " + Arrays.toString(Basis.values()));
        }
        var earlier = state.confirmations().get(confirm.exerciseId());
        if (earlier != null && Objects.equals(earlier.basis(), confirm.basis())) {
            return List.of();
        }
        return List.of(new ReadinessEvent.TechniqueConfirmed(confirm.employeeId(), confirm.exerciseId(), confirm.basis(),
                confirm.at()));
    }

    @Override
    public State evolve(State state, ReadinessEvent event) {
        if (event instanceof ReadinessEvent.ReadinessScreenAnswered screen) {
            return new State(screen, state.confirmations());
        }
        ReadinessEvent.TechniqueConfirmed confirmed = (ReadinessEvent.TechniqueConfirmed) event;
        Map<String, ReadinessEvent.TechniqueConfirmed> confirmations = new LinkedHashMap<>(state.confirmations());
        confirmations.put(confirmed.exerciseId(), confirmed);
        return new State(state.screen(), Map.copyOf(confirmations));
    }
}
