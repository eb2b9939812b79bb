package io.upright.programs;

import io.quarkus.runtime.StartupEvent;
import io.upright.platform.crypto.PersonalData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** Fails the start of a production instance without a master key, rather than its first enrolment. */
@ApplicationScoped
public class PersonalDataReadiness {

    @Inject
    PersonalData personalData;

    void check(@Observes StartupEvent startup) {
        personalData.ensureReady();
    }
}
