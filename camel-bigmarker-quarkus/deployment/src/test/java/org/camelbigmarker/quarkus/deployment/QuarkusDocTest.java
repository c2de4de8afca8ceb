package org.camelbigmarker.quarkus.deployment;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.camelbigmarker.quarkus.BigMarkerQuarkusConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/quarkus.md's table of the extension's properties is the configuration interface, name and default. */
class QuarkusDocTest {

    private static final Path DOC = Path.of("../../docs/quarkus.md");
    private static final Pattern ROW = Pattern.compile("^\\| `(quarkus\\.camel\\.bigmarker\\.[^`]+)` \\| `([^`]*)` \\|",
            Pattern.MULTILINE);

    @Test
    void theTableListsEveryPropertyWithItsDefault() throws IOException {
        Map<String, String> documented = new TreeMap<>();
        Matcher row = ROW.matcher(Files.readString(DOC));
        while (row.find()) {
            documented.put(row.group(1), row.group(2));
        }
        Map<String, String> declared = new TreeMap<>();
        collect(BigMarkerQuarkusConfig.class,
                BigMarkerQuarkusConfig.class.getAnnotation(ConfigMapping.class).prefix(), declared);

        assertThat(declared).isNotEmpty();
        assertThat(documented).isEqualTo(declared);
    }

    private static void collect(Class<?> group, String prefix, Map<String, String> properties) {
        for (Method method : group.getDeclaredMethods()) {
            String name = prefix + "." + kebab(method.getName());
            if (method.getReturnType().isInterface()) {
                collect(method.getReturnType(), name, properties);
            } else {
                WithDefault value = method.getAnnotation(WithDefault.class);
                properties.put(name, value == null ? "" : value.value());
            }
        }
    }

    private static String kebab(String camelCase) {
        return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }
}
