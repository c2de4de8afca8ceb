package org.camelbigmarker.quarkus.deployment;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.quarkus.builder.BuildChainBuilder;
import io.quarkus.builder.BuildContext;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.nativeimage.NativeImageResourceBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import io.quarkus.test.QuarkusUnitTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the extension declares for a native image, read from the build itself (not built natively): the models, the
 * consumer-state classes and the generated configurers found in the indexed component jar, and resources that exist.
 * The checks run inside the build; a failing one fails the application's build and so this test.
 */
class NativeDeclarationsTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.camel.bigmarker.devservices.enabled", "false")
            .addBuildChainCustomizer(NativeDeclarationsTest::checkTheDeclarations);

    private static void checkTheDeclarations(BuildChainBuilder chain) {
        chain.addBuildStep(NativeDeclarationsTest::check)
                .consumes(ReflectiveClassBuildItem.class)
                .consumes(NativeImageResourceBuildItem.class)
                .produces(FeatureBuildItem.class)
                .build();
    }

    private static void check(BuildContext context) {
        Set<String> reflective = context.consumeMulti(ReflectiveClassBuildItem.class).stream()
                .flatMap(item -> item.getClassNames().stream()).collect(Collectors.toSet());
        assertThat(reflective).contains("org.camelbigmarker.model.Registration", "org.camelbigmarker.model.Conference",
                "org.camelbigmarker.state.MemoryConsumerStore", "org.camelbigmarker.BigMarkerComponentConfigurer",
                "org.camelbigmarker.BigMarkerEndpointConfigurer");
        assertThat(reflective).noneMatch(name -> name.startsWith("org.camelbigmarker.api."));

        List<String> resources = context.consumeMulti(NativeImageResourceBuildItem.class).stream()
                .flatMap(item -> item.getResources().stream()).filter(name -> name.contains("bigmarker")).toList();
        assertThat(resources).isNotEmpty().allSatisfy(resource -> assertThat(
                Thread.currentThread().getContextClassLoader().getResource(resource)).as(resource).isNotNull());
        context.produce(new FeatureBuildItem("bigmarker-native-declarations-checked"));
    }

    @Test
    void theBuildDeclaredWhatANativeImageNeeds() {
        // the checks ran in the build: reaching this test means they passed
        assertThat(Thread.currentThread().getContextClassLoader()
                .getResource("META-INF/org/camelbigmarker/bigmarker.json")).isNotNull();
    }
}
