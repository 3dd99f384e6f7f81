package dev.burnrate.portal.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
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
}
