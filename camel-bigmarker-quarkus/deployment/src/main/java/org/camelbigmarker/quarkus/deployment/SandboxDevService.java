package org.camelbigmarker.quarkus.deployment;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

import io.quarkus.bootstrap.classloading.QuarkusClassLoader;
import io.quarkus.deployment.IsNormal;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.DevServicesResultBuildItem;
import io.quarkus.deployment.builditem.Startable;
import io.quarkus.runtime.configuration.ConfigUtils;
import org.camelbigmarker.quarkus.BigMarkerQuarkusConfig;
import org.camelbigmarker.sandbox.BigMarkerSandbox;
import org.jboss.logging.Logger;

/**
 * The embedded BigMarker sandbox as a Dev Service: in dev and test mode, when the application has the sandbox on its
 * classpath and configures no BigMarker of its own (neither an API key nor a base URL), the sandbox starts with its
 * demo data on a free loopback port and the component is pointed at it through configuration, as Quarkus' Dev
 * Services do with a database. {@code quarkus.camel.bigmarker.devservices.enabled=false} turns it off.
 */
class SandboxDevService {

    private static final Logger LOG = Logger.getLogger(SandboxDevService.class);

    static final String SANDBOX_CLASS = "org.camelbigmarker.sandbox.BigMarkerSandbox";
    static final String PREFIX = "camel.component.bigmarker.";
    /**
     * Any of these set (in either spelling Camel accepts) means the application talks to a BigMarker of its own: its
     * credentials (an API key, or a login's email and password) or its address.
     */
    static final List<String> OWN_BIGMARKER = List.of("api-key", "apiKey", "email", "password", "base-url", "baseUrl");

    @BuildStep(onlyIfNot = IsNormal.class)
    DevServicesResultBuildItem sandbox(BigMarkerQuarkusConfig config) {
        if (!config.devservices().enabled()) {
            LOG.debug("BigMarker Dev Service off (quarkus.camel.bigmarker.devservices.enabled=false)");
            return null;
        }
        if (!sandboxOnClasspath()) {
            LOG.debug("BigMarker Dev Service off: org.camelbigmarker:camel-bigmarker-sandbox is not on the classpath");
            return null;
        }
        Optional<String> own = ownBigMarker(ConfigUtils::isPropertyNonEmpty);
        if (own.isPresent()) {
            LOG.debugf("BigMarker Dev Service off: %s is set", own.get());
            return null;
        }
        return DevServicesResultBuildItem.owned()
                .feature(BigMarkerProcessor.FEATURE)
                .serviceName("bigmarker-sandbox")
                .description("The embedded BigMarker sandbox (demo data, loopback only)")
                .startable(RunningSandbox::new)
                .postStartHook(sandbox -> LOG.infof("BigMarker Dev Service: the embedded sandbox started at %s; the"
                                                    + " bigmarker component talks to it, not to BigMarker (set"
                                                    + " quarkus.camel.bigmarker.devservices.enabled=false, or an"
                                                    + " api-key, to turn it off)",
                        sandbox.getConnectionInfo()))
                .configProvider(Map.<String, Function<RunningSandbox, String>>of(
                        PREFIX + "base-url", RunningSandbox::getConnectionInfo,
                        PREFIX + "api-key", RunningSandbox::apiKey,
                        PREFIX + "allow-plain-http", sandbox -> "true"))
                .build();
    }

    /** The first property naming a BigMarker of the application's own, if any. */
    static Optional<String> ownBigMarker(Predicate<String> isSet) {
        return OWN_BIGMARKER.stream().map(option -> PREFIX + option).filter(isSet).findFirst();
    }

    private static boolean sandboxOnClasspath() {
        return QuarkusClassLoader.isClassPresentAtRuntime(SANDBOX_CLASS);
    }

    /** The sandbox as Quarkus starts and stops a Dev Service. */
    static final class RunningSandbox implements Startable {

        private BigMarkerSandbox sandbox;

        @Override
        public void start() {
            try {
                sandbox = BigMarkerSandbox.start().seedDemoData();
            } catch (IOException e) {
                throw new IllegalStateException("The BigMarker Dev Service could not start the sandbox", e);
            }
        }

        @Override
        public String getConnectionInfo() {
            return sandbox.baseUrl();
        }

        String apiKey() {
            return sandbox.apiKey();
        }

        @Override
        public String getContainerId() {
            return null; // in this JVM, no container
        }

        @Override
        public void close() {
            if (sandbox != null) {
                sandbox.close();
                LOG.info("BigMarker Dev Service: the embedded sandbox stopped");
            }
        }
    }
}
