package io.upright.insights;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.upright.platform.eventstore.EventName;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Stored event names are history and must never change. Insights has no event store of its own (its read models
 * are rebuilt from the other services' topics), so it has no sealed event interface whose names to pin: this
 * test keeps it so, and is where the pins go (as in the other services) the day insights stores an event.
 */
class StoredEventNamesTest {

    @Test
    void insights_stores_no_events_of_its_own() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.upright.insights");
        noClasses().should().beAnnotatedWith(EventName.class)
                .because("an insights event store would need its names pinned here")
                .check(classes);
    }
}
