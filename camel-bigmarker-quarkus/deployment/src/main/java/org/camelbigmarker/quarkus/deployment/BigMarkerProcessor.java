package org.camelbigmarker.quarkus.deployment;

import java.util.List;
import java.util.Set;

import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.deployment.Capabilities;
import io.quarkus.deployment.Capability;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.CombinedIndexBuildItem;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.IndexDependencyBuildItem;
import io.quarkus.deployment.builditem.nativeimage.NativeImageResourceBuildItem;
import io.quarkus.deployment.builditem.nativeimage.NativeImageResourcePatternsBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import io.quarkus.runtime.configuration.ConfigurationException;
import org.camelbigmarker.quarkus.BigMarkerQuarkusConfig;
import org.camelbigmarker.quarkus.JdbcConsumerStoreProducer;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;

/**
 * What Quarkus needs to know of the component: its feature, the component jar indexed (so Camel Quarkus finds its
 * services and configurers at build time), and what a native image would need (reflection and resources). Native mode
 * is declared here, not built or tested (docs/quarkus.md).
 */
class BigMarkerProcessor {

    static final String FEATURE = "camel-bigmarker";
    static final String JDBC_CONSUMER_STORE_ENABLED = "quarkus.camel.bigmarker.jdbc-consumer-store.enabled";

    /** Read and written by Jackson, or created by Camel through reflection-free configurers that still name them. */
    static final List<String> REFLECTIVE_PACKAGES = List.of("org.camelbigmarker.model", "org.camelbigmarker.state");

    @BuildStep
    FeatureBuildItem feature() {
        return new FeatureBuildItem(FEATURE);
    }

    /** Camel Quarkus indexes jars that carry Camel services too; said here so that this extension does not rely on it. */
    @BuildStep
    IndexDependencyBuildItem indexTheComponent() {
        return new IndexDependencyBuildItem("org.camelbigmarker", "camel-bigmarker");
    }

    @BuildStep
    ReflectiveClassBuildItem modelsAndConfigurersForNative(CombinedIndexBuildItem index) {
        List<String> classes = index.getIndex().getKnownClasses().stream()
                .map(ClassInfo::name)
                .filter(BigMarkerProcessor::needsReflection)
                .map(DotName::toString)
                .sorted()
                .toList();
        return ReflectiveClassBuildItem.builder(classes.toArray(String[]::new)).methods().fields().build();
    }

    private static boolean needsReflection(DotName name) {
        String packageName = name.packagePrefix();
        return REFLECTIVE_PACKAGES.contains(packageName)
               || packageName != null && packageName.equals("org.camelbigmarker")
                  && name.local().endsWith("Configurer");
    }

    @BuildStep
    void resourcesForNative(
            io.quarkus.deployment.annotations.BuildProducer<NativeImageResourceBuildItem> resources,
            io.quarkus.deployment.annotations.BuildProducer<NativeImageResourcePatternsBuildItem> patterns) {
        resources.produce(new NativeImageResourceBuildItem("META-INF/org/camelbigmarker/bigmarker.json",
                "META-INF/org/apache/camel/dev-console/bigmarker.json"));
        patterns.produce(NativeImageResourcePatternsBuildItem.builder()
                .includeGlob("kamelets/bigmarker-*.kamelet.yaml").build());
    }

    @BuildStep
    AdditionalBeanBuildItem jdbcConsumerStore(BigMarkerQuarkusConfig config, Capabilities capabilities) {
        if (!config.jdbcConsumerStore().enabled()) {
            return null;
        }
        if (!capabilities.isPresent(Capability.AGROAL)) {
            throw new ConfigurationException("The consumers' JdbcConsumerStore (" + JDBC_CONSUMER_STORE_ENABLED
                                             + "=true) needs a datasource: add quarkus-agroal and a JDBC driver"
                                             + " extension (quarkus-jdbc-postgresql, quarkus-jdbc-h2...)",
                    Set.of(JDBC_CONSUMER_STORE_ENABLED));
        }
        return AdditionalBeanBuildItem.unremovableOf(JdbcConsumerStoreProducer.class);
    }
}
