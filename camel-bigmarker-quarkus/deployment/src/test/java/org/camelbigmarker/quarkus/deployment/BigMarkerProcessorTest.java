package org.camelbigmarker.quarkus.deployment;

import org.jboss.jandex.DotName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the native-image declaration covers: the models, the state classes and the generated configurers. */
class BigMarkerProcessorTest {

    @Test
    void modelsStateAndConfigurersNeedReflectionAndNothingElse() {
        assertThat(BigMarkerProcessor.needsReflection(DotName.createSimple("org.camelbigmarker.model.Registration")))
                .isTrue();
        assertThat(BigMarkerProcessor.needsReflection(
                DotName.createSimple("org.camelbigmarker.BigMarkerComponentConfigurer"))).isTrue();
        assertThat(BigMarkerProcessor.needsReflection(DotName.createSimple("org.camelbigmarker.BigMarkerComponent")))
                .isFalse();
        assertThat(BigMarkerProcessor.needsReflection(DotName.createSimple("org.camelbigmarker.api.Pager")))
                .isFalse();
    }
}
