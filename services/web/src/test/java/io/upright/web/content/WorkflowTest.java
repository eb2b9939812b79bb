package io.upright.web.content;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WorkflowTest {

    @Test
    void a_draft_is_edited_and_submitted_and_cannot_be_reviewed() {
        Workflow.Allowed draft = Workflow.Allowed.of("draft", false);
        assertThat(draft).isEqualTo(new Workflow.Allowed(true, true, false, false));
        assertThat(draft.editStartsNextVersion("draft")).isFalse();
    }

    @Test
    void a_version_in_review_is_only_published_or_sent_back() {
        assertThat(Workflow.Allowed.of("in-review", false)).isEqualTo(new Workflow.Allowed(false, false, true, false));
    }

    @Test
    void a_published_item_is_edited_into_its_next_version_or_retired() {
        Workflow.Allowed published = Workflow.Allowed.of("published", true);
        assertThat(published).isEqualTo(new Workflow.Allowed(true, false, false, true));
        assertThat(published.editStartsNextVersion("published")).isTrue();
    }

    @Test
    void an_item_with_a_published_version_can_be_retired_while_its_next_version_is_worked_on() {
        assertThat(Workflow.Allowed.of("draft", true).retire()).isTrue();
        assertThat(Workflow.Allowed.of("in-review", true).retire()).isTrue();
    }

    @Test
    void a_retired_item_offers_nothing() {
        Workflow.Allowed retired = Workflow.Allowed.of("retired", true);
        assertThat(retired.any()).isFalse();
    }

    @Test
    void kinds_and_actions_are_found_by_their_path_and_nothing_else() {
        assertThat(Workflow.Kind.of("routines")).contains(Workflow.Kind.ROUTINES);
        assertThat(Workflow.Action.of("publish")).contains(Workflow.Action.PUBLISH);
        assertThat(Workflow.Action.of("edit")).isEmpty();
        assertThat(Workflow.Action.of("PUBLISH")).isEmpty();
        assertThat(Workflow.Action.REJECT.done()).isEqualTo("rejected");
    }
}
