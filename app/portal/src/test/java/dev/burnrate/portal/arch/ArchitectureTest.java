package dev.burnrate.portal.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dependency rules of DESIGN.md and CONVENTIONS.md, checked on the compiled classes. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.burnrate");
    }

    @Test
    void engineAndApiKnowNoSpringVaadinOrJooq() {
        noClasses().that().resideInAnyPackage("dev.burnrate.engine..", "dev.burnrate.api..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.vaadin..", "org.jooq..")
                .check(classes);
    }

    @Test
    void pluginApiKnowsNoArrow() {
        noClasses().that().resideInAPackage("dev.burnrate.api..")
                .should().dependOnClassesThat().resideInAPackage("org.apache.arrow..")
                .check(classes);
    }

    @Test
    void viewsNeverTouchJooq() {
        noClasses().that().areAssignableTo(com.vaadin.flow.component.Component.class)
                .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "dev.burnrate.portal.db..")
                .check(classes);
    }

    /** Portals sharing one database run each scheduled job in one of them at a time (see JobLockConfig). */
    @Test
    void everyScheduledJobRunsUnderItsLock() {
        methods().that().areAnnotatedWith(org.springframework.scheduling.annotation.Scheduled.class)
                .should().beAnnotatedWith(net.javacrumbs.shedlock.spring.annotation.SchedulerLock.class)
                .check(classes);
    }

    private static final List<Class<? extends java.lang.annotation.Annotation>> ACCESS = List.of(
            jakarta.annotation.security.RolesAllowed.class, jakarta.annotation.security.PermitAll.class,
            jakarta.annotation.security.DenyAll.class,
            org.springframework.security.access.prepost.PreAuthorize.class);

    /** A @Service, or a Spring @Component of the portal that a view (a Vaadin component) depends on. */
    private static final DescribedPredicate<JavaClass> SERVICES = DescribedPredicate.describe(
            "@Service classes and @Component classes that views call", c -> c.isAnnotatedWith(
                    org.springframework.stereotype.Service.class)
                    || (c.isAnnotatedWith(org.springframework.stereotype.Component.class)
                    && c.getPackageName().startsWith("dev.burnrate.portal")
                    && c.getDirectDependenciesToSelf().stream().anyMatch(d -> d.getOriginClass()
                    .isAssignableTo(com.vaadin.flow.component.Component.class))));

    private static boolean declaresAccess(com.tngtech.archunit.core.domain.properties.CanBeAnnotated element) {
        return ACCESS.stream().anyMatch(element::isAnnotatedWith);
    }

    /** "Authorisation on every service method": each public method says who may call it, or its class does. */
    @Test
    void everyPublicServiceMethodDeclaresItsAccess() {
        classes().that(SERVICES).should(new ArchCondition<>("declare access on every public method or the class") {
            @Override
            public void check(JavaClass service, ConditionEvents events) {
                if (declaresAccess(service)) {
                    return;
                }
                for (JavaMethod method : service.getMethods()) {
                    if (method.getModifiers().contains(JavaModifier.PUBLIC)
                            && !method.getModifiers().contains(JavaModifier.STATIC)
                            && !method.getModifiers().contains(JavaModifier.SYNTHETIC)
                            && !method.getModifiers().contains(JavaModifier.BRIDGE) && !declaresAccess(method)) {
                        events.add(SimpleConditionEvent.violated(method, method.getFullName()
                                + " declares no access (@RolesAllowed, @PermitAll, @DenyAll or @PreAuthorize)"));
                    }
                }
            }
        }).check(classes);
    }
}
