package io.upright.testsupport.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import java.util.Optional;
import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Keeps each service's domain plain Java: a class that is not a framework component (no CDI, JAX-RS, JPA or
 * config annotation on it or on a class that encloses it, not a Panache entity) must not reach for Quarkus,
 * JAX-RS, JPA, Hibernate, CDI or transactions. Deciders, events, scoring and scheduling rules then test
 * without Quarkus and read like the business.
 */
public final class DomainPurity {

    private static final Set<String> FRAMEWORK_ANNOTATIONS = Set.of(
            "jakarta.ws.rs.Path",
            "jakarta.ws.rs.ext.Provider",
            "jakarta.enterprise.context.ApplicationScoped",
            "jakarta.enterprise.context.RequestScoped",
            "jakarta.enterprise.context.Dependent",
            "jakarta.inject.Singleton",
            "jakarta.persistence.Entity",
            "jakarta.persistence.MappedSuperclass",
            "jakarta.persistence.Embeddable",
            "io.smallrye.config.ConfigMapping",
            "io.quarkus.runtime.Startup");

    private static final DescribedPredicate<JavaClass> DOMAIN = new DescribedPredicate<>("domain classes") {
        @Override
        public boolean test(JavaClass javaClass) {
            return !isFrameworkComponent(javaClass);
        }
    };

    private DomainPurity() {
    }

    /** Fails with a readable list of violations if any domain class under {@code basePackage} uses the framework. */
    public static void check(String basePackage) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
        ArchRule rule = noClasses().that(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.quarkus..", "jakarta.ws.rs..", "jakarta.persistence..", "org.hibernate..",
                        "jakarta.enterprise..", "jakarta.transaction..", "org.jboss.resteasy..")
                .because("domain classes are plain Java that test without Quarkus (conventions.md)");
        rule.check(classes);
    }

    private static boolean isFrameworkComponent(JavaClass javaClass) {
        for (JavaClass current = javaClass; current != null; current = enclosing(current)) {
            if (current.getAnnotations().stream().anyMatch(a -> FRAMEWORK_ANNOTATIONS.contains(a.getRawType().getName()))) {
                return true;
            }
            if (current.isAssignableTo("io.quarkus.hibernate.orm.panache.PanacheEntityBase")) {
                return true;
            }
            if (current.getMethods().stream().anyMatch(m -> m.getAnnotations().stream()
                    .anyMatch(a -> a.getRawType().getName().startsWith("org.eclipse.microprofile.reactive.messaging")
                            || a.getRawType().getName().equals("org.jboss.resteasy.reactive.server.ServerExceptionMapper")))) {
                return true;
            }
        }
        return false;
    }

    private static JavaClass enclosing(JavaClass javaClass) {
        Optional<JavaClass> enclosing = javaClass.getEnclosingClass();
        return enclosing.orElse(null);
    }
}
