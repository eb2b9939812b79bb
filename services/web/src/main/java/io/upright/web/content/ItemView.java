package io.upright.web.content;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.upright.web.routine.FigureRenderer;
import io.upright.web.routine.Illustration;

import java.util.List;
import java.util.Optional;

/**
 * What an item's page shows of its versions: the newest (what editors work on, readable in full) and, while a newer
 * version is being worked on, the one readers get now, so a reviewer sees both.
 */
public final class ItemView {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ItemView() {
    }

    /** The newest version (the service lists them oldest first). */
    public static <V extends ContentApi.Version> V latest(List<V> versions) {
        return versions.get(versions.size() - 1);
    }

    /** The published version when it is not the newest one; empty otherwise. */
    public static <V extends ContentApi.Version> Optional<V> publishedBehind(List<V> versions) {
        V latest = latest(versions);
        return versions.stream().filter(v -> "published".equals(v.status()) && v.version() != latest.version())
                .findFirst();
    }

    /**
     * The exercise's drawing as the routine pages draw it (inline SVG), or empty when it has none or one that cannot
     * be drawn: the service checks a drawing's shape when it is saved, and the page still shows its JSON.
     */
    public static String figure(ContentApi.Exercise exercise, String id) {
        if (exercise == null || exercise.illustration() == null || !exercise.illustration().isObject()) {
            return "";
        }
        try {
            return FigureRenderer.svg(JSON.convertValue(exercise.illustration(), Illustration.class), id);
        } catch (RuntimeException cannotBeDrawn) {
            return "";
        }
    }
}
