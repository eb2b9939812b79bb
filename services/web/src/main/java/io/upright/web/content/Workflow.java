package io.upright.web.content;

import java.util.Arrays;
import java.util.Optional;

/**
 * The review workflow as the pages offer it (services/exercises/README.md, "Content library"): a draft is edited and
 * submitted; a version in review is published or sent back with a reason; a published item is edited (which starts its
 * next version as a draft) or retired; a retired item no longer changes. The service decides again on every change;
 * this only chooses which buttons an item's page shows.
 */
public final class Workflow {

    private Workflow() {
    }

    /** The two kinds of item, by the path segment both the pages and the API use. */
    public enum Kind {
        EXERCISES("exercises"), ROUTINES("routines");

        private final String path;

        Kind(String path) {
            this.path = path;
        }

        public String path() {
            return path;
        }

        static Optional<Kind> of(String path) {
            return Arrays.stream(values()).filter(k -> k.path.equals(path)).findFirst();
        }
    }

    /** A change of status, by the path segment both the pages and the API use. */
    public enum Action {
        SUBMIT("submit", "submitted"), REJECT("reject", "rejected"), PUBLISH("publish", "published"),
        RETIRE("retire", "retired");

        private final String path;
        private final String done;

        Action(String path, String done) {
            this.path = path;
            this.done = done;
        }

        public String path() {
            return path;
        }

        /** What the item's page then says it did ({@code ?done=}). */
        public String done() {
            return done;
        }

        static Optional<Action> of(String path) {
            return Arrays.stream(values()).filter(a -> a.path.equals(path)).findFirst();
        }
    }

    /**
     * What an item's page offers. {@code status} is the item's (retired, else its newest version's);
     * {@code published} says whether a version is published now, which retiring needs.
     */
    public record Allowed(boolean edit, boolean submit, boolean review, boolean retire) {

        public static Allowed of(String status, boolean published) {
            boolean retired = "retired".equals(status);
            return new Allowed("draft".equals(status) || "published".equals(status), "draft".equals(status),
                    "in-review".equals(status), !retired && published);
        }

        /** Editing a published item does not change it: it starts the next version as a draft. */
        public boolean editStartsNextVersion(String status) {
            return edit && "published".equals(status);
        }

        public boolean any() {
            return edit || submit || review || retire;
        }
    }
}
