package io.upright.exercises.catalogue;

/**
 * An optional illustration of an exercise: {@code kind} is image, video or animation, {@code uri} a path under
 * the media store or an absolute URL, {@code description} the text alternative shown when the media cannot be.
 */
public record MediaReference(String kind, String uri, String description) {
}
