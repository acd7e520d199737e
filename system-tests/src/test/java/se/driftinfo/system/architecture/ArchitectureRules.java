package se.driftinfo.system.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.List;

/**
 * The rules that keep the services easy to change, for any set of service root packages (the real
 * services, or the fixtures that prove each rule can fail). HTTP belongs in {@code rest} and {@code web}
 * packages only; the domain knows nothing of it.
 */
final class ArchitectureRules {

    /** Types that only the web layer may touch. The kit's problem mapping is HTTP by design. */
    static final String[] HTTP_PACKAGES = {
        "jakarta.ws.rs..",
        "org.jboss.resteasy..",
        "io.vertx.ext.web..",
        "io.vertx.core.http..",
        "io.quarkus.vertx.http..",
        "se.driftinfo.kit.problem.."
    };

    private ArchitectureRules() {}

    /** No service imports another: they meet only on Kafka, through event-contracts. */
    static ArchRule doesNotImportOtherServices(String service, List<String> allServices) {
        String[] others = allServices.stream()
                .filter(s -> !s.equals(service))
                .map(s -> s + "..")
                .toArray(String[]::new);
        return noClasses()
                .that()
                .resideInAPackage(service + "..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(others)
                .as(String.format("%s imports no other service", service));
    }

    /** Every package of a service is a slice; no two may depend on each other both ways, even indirectly. */
    static ArchRule packagesFreeOfCycles(String service) {
        return slices().assignedFrom(packagesOf(service))
                .should()
                .beFreeOfCycles()
                .as(String.format("the packages of %s depend one way (no cycles)", service));
    }

    /** Domain and application code (anything outside {@code rest} and {@code web}) knows nothing of HTTP. */
    static ArchRule noHttpOutsideWebLayer(String root, String... httpAllowedIn) {
        String[] allowed = new String[httpAllowedIn.length + 2];
        allowed[0] = root + "..rest..";
        allowed[1] = root + "..web..";
        System.arraycopy(httpAllowedIn, 0, allowed, 2, httpAllowedIn.length);
        return noClasses()
                .that()
                .resideInAPackage(root + "..")
                .and()
                .resideOutsideOfPackages(allowed)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(HTTP_PACKAGES)
                .as(String.format("%s uses HTTP types only in rest and web packages", root));
    }

    private static SliceAssignment packagesOf(String service) {
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                String pkg = javaClass.getPackageName();
                return pkg.equals(service) || pkg.startsWith(service + ".")
                        ? SliceIdentifier.of(pkg)
                        : SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
                return "packages of " + service;
            }
        };
    }
}
