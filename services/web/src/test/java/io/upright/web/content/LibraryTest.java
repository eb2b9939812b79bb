package io.upright.web.content;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LibraryTest {

    private static ContentApi.Summary item(String id, String title, String status, Integer published) {
        return new ContentApi.Summary(id, title, status, published == null ? 1 : published + 1, published);
    }

    private final List<ContentApi.Summary> exercises = List.of(
            item("bird-dog", "Bird dog", "published", 1),
            item("chin-tuck", "Chin tuck", "in-review", null),
            item("old-stretch", "Old stretch", "retired", null),
            item("wall-angel", "Wall angel", "draft", 2));
    private final List<ContentApi.Summary> routines = List.of(
            item("posture-reset", "Posture reset", "in-review", 1));

    @Test
    void every_item_is_listed_and_counted_by_status() {
        Library library = Library.of(exercises, routines, null);
        assertThat(library.exercises()).hasSize(4);
        assertThat(library.routines()).hasSize(1);
        assertThat(library.total()).isEqualTo(5);
        assertThat(library.count("draft")).isEqualTo(1);
        assertThat(library.count("published")).isEqualTo(1);
        assertThat(library.count("retired")).isEqualTo(1);
        assertThat(library.inReview()).isEqualTo(2);
    }

    @Test
    void a_status_filter_keeps_only_that_status_but_the_counts_stay_those_of_the_whole_library() {
        Library library = Library.of(exercises, routines, "in-review");
        assertThat(library.exercises()).extracting(ContentApi.Summary::id).containsExactly("chin-tuck");
        assertThat(library.routines()).extracting(ContentApi.Summary::id).containsExactly("posture-reset");
        assertThat(library.filter()).isEqualTo("in-review");
        assertThat(library.count("published")).isEqualTo(1);
    }

    @Test
    void an_unknown_status_lists_everything() {
        Library library = Library.of(exercises, routines, "superseded");
        assertThat(library.filter()).isNull();
        assertThat(library.exercises()).hasSize(4);
    }

    @Test
    void what_readers_get_now_is_published_and_not_retired_by_title_even_while_a_next_version_is_drafted() {
        assertThat(Library.published(exercises)).extracting(ContentApi.Summary::id)
                .containsExactly("bird-dog", "wall-angel");
    }
}
