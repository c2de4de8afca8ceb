package org.camelbigmarker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The component's dependencies point one way (docs/how-the-consumer-works.md): no package cycle anywhere, nothing below
 * the consumer reaches up to the endpoint or the component, and inside the consumer side consumer → webhook → feed →
 * delivery → state; and no class is longer than a reader takes in at once.
 */
class ArchitectureTest {

    private static final String ROOT = "org.camelbigmarker";
    /** The component's own classes, from where they were compiled (target/classes, or a profile's own directory). */
    private static final JavaClasses MAIN = new ClassFileImporter().importPath(mainClasses());

    private static Path mainClasses() {
        try {
            return Path.of(BigMarkerComponent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /**
     * Every package is a slice; the root package is two: Camel's entry points (the component and the endpoint, with
     * the configurers and URI factory generated for them and the start-time checks they run), at the top of the
     * graph, and the public vocabulary every layer speaks (the operation table, the options, the headers and enums),
     * at the bottom. Camel's layout puts both
     * in one package; a dependency from the vocabulary up to any package that uses it is a cycle, and is caught.
     */
    private static final SliceAssignment PACKAGES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass type) {
            if (!type.getPackageName().startsWith(ROOT)) {
                return SliceIdentifier.ignore();
            }
            if (type.getPackageName().equals(ROOT)) {
                String nameInRoot = type.getName().substring(ROOT.length() + 1); // nested classes too: Outer$Inner
                return SliceIdentifier.of(isEntryPoint(nameInRoot) ? "entry points" : "vocabulary");
            }
            return SliceIdentifier.of(type.getPackageName().substring(ROOT.length() + 1));
        }

        @Override
        public String getDescription() {
            return "packages of camel-bigmarker (the root split into entry points and vocabulary)";
        }
    };

    private static boolean isEntryPoint(String nameInRoot) {
        return nameInRoot.startsWith("BigMarkerComponent") || nameInRoot.startsWith("BigMarkerEndpoint")
               || START_CHECKS.contains(nameInRoot.replaceAll("\\$.*", ""));
    }

    private static final Set<String> START_CHECKS = Set.of("OptionRanges", "Credentials");

    /** Classes a reader takes in at once; the option holders and the operation table are long lists by nature. */
    private static final int MOST_LINES = 250;
    private static final Set<String> LISTS = Set.of("BigMarkerConfiguration.java", "BigMarkerComponent.java",
            "BigMarkerOperation.java");

    @Test
    void noClassOverTwoHundredFiftyLines() throws IOException {
        Map<String, Long> tooLong = new TreeMap<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                long lines;
                try (Stream<String> text = Files.lines(source)) {
                    lines = text.count();
                }
                if (lines > MOST_LINES && !LISTS.contains(source.getFileName().toString())) {
                    tooLong.put(source.toString(), lines);
                }
            }
        }
        assertThat(tooLong).as("classes over %d lines", MOST_LINES).isEmpty();
    }

    @Test
    void noPackageCycle() {
        slices().assignedFrom(PACKAGES).should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void nothingBelowTheEntryPointsReachesUpToTheEndpointOrTheComponent() {
        noClasses().that().resideOutsideOfPackages(ROOT, ROOT + ".console")
                .should().dependOnClassesThat().belongToAnyOf(BigMarkerEndpoint.class, BigMarkerComponent.class)
                .check(MAIN);
    }

    @Test
    void theConsumerSideDependsOneWay() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("consumer").definedBy(ROOT + ".consumer")
                .layer("webhook").definedBy(ROOT + ".consumer.webhook")
                .layer("feed").definedBy(ROOT + ".consumer.feed")
                .layer("delivery").definedBy(ROOT + ".consumer.delivery")
                .layer("state").definedBy(ROOT + ".state")
                .whereLayer("consumer").mayNotBeAccessedByAnyLayer()
                .whereLayer("webhook").mayOnlyBeAccessedByLayers("consumer")
                .whereLayer("feed").mayOnlyBeAccessedByLayers("consumer", "webhook")
                .whereLayer("delivery").mayOnlyBeAccessedByLayers("consumer", "webhook", "feed")
                .check(MAIN);
    }
}
