package io.rollcall;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layer rules of docs/design.md, checked on the compiled main classes so that the structure stays true: the
 * domain knows nothing of the entry points, JPA queries or SCIMple; the entry points (web layers) reach storage only
 * through {@code application}; and the top-level packages form no cycle.
 */
@AnalyzeClasses(packages = "io.rollcall", importOptions = ImportOption.DoNotIncludeTests.class)
class LayerRulesTest {

    /** The HTTP entry points: JAX-RS resources, servlet filters and their error writers. */
    private static final String[] WEB = {
        "io.rollcall.admin..",
        "io.rollcall.scim..",
        "io.rollcall.sso..",
        "io.rollcall.people..",
        "io.rollcall.console..",
        "io.rollcall.app.."
    };

    @ArchTest
    static final ArchRule domainKnowsNoEntryPoint = noClasses()
            .that()
            .resideInAPackage("io.rollcall.domain..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(WEB)
            .because("the domain is used by every entry point and must not depend on one");

    @ArchTest
    static final ArchRule domainRunsNoQuery = noClasses()
            .that()
            .resideInAPackage("io.rollcall.domain..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("jakarta.persistence.criteria..")
            .orShould()
            .dependOnClassesThat()
            .haveFullyQualifiedName("jakarta.persistence.EntityManager")
            .orShould()
            .dependOnClassesThat()
            .haveFullyQualifiedName("jakarta.persistence.Query")
            .orShould()
            .dependOnClassesThat()
            .haveFullyQualifiedName("jakarta.persistence.TypedQuery")
            .because("queries live behind the repository interfaces, in infrastructure (entity mapping annotations"
                    + " are allowed)");

    @ArchTest
    static final ArchRule domainUsesNoScimple = noClasses()
            .that()
            .resideInAPackage("io.rollcall.domain..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.apache.directory.scim..")
            .because("SCIMple serves the SCIM layer (filter parsing, schema model, discovery), not the domain");

    @ArchTest
    static final ArchRule entryPointsDoNotReachIntoInfrastructure = noClasses()
            .that()
            .resideInAnyPackage(WEB)
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.rollcall.infrastructure..")
            .because("entry points call application use cases; infrastructure implements their ports");

    /**
     * {@code app} is the composition root above the entry points: it registers their JAX-RS applications and writes
     * container-level errors with each protocol's own error writer (one per protocol). The entry points never call it.
     */
    @ArchTest
    static final ArchRule entryPointsDoNotDependOnTheCompositionRoot = noClasses()
            .that()
            .resideInAnyPackage(
                    "io.rollcall.admin..",
                    "io.rollcall.scim..",
                    "io.rollcall.sso..",
                    "io.rollcall.people..",
                    "io.rollcall.console..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.rollcall.app..");

    @ArchTest
    static final ArchRule topLevelPackagesFormNoCycle =
            slices().matching("io.rollcall.(*)..").should().beFreeOfCycles();

    /** Every package on its own, sub-packages included ({@code scim} and {@code scim.patch}, {@code application} and
     * {@code application.scim}): no two of them import each other, directly or round a longer loop. */
    @ArchTest
    static final ArchRule packagesFormNoCycle =
            slices().matching("io.rollcall.(**)").should().beFreeOfCycles();
}
