package io.upright.exercises;

import io.upright.exercises.catalogue.Catalogue;

/** The real v1 content, loaded without Quarkus. */
public final class TestCatalogue {

    public static final Catalogue V1 = Catalogue.load("v1",
            file -> TestCatalogue.class.getClassLoader().getResourceAsStream("catalogue/v1/" + file));

    private TestCatalogue() {
    }
}
