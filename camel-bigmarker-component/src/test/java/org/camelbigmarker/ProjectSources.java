package org.camelbigmarker;

import java.nio.file.Path;
import java.util.List;

/**
 * The main source folders of what ships with the component (the component, the Spring Boot starter, the Quarkus
 * extension): the tests that keep troubleshooting.md and logging.md true read them all.
 */
final class ProjectSources {

    static final List<Path> ROOTS = List.of(Path.of("src", "main", "java"),
            Path.of("..", "camel-bigmarker-spring-boot-starter", "src", "main", "java"),
            Path.of("..", "camel-bigmarker-quarkus", "runtime", "src", "main", "java"),
            Path.of("..", "camel-bigmarker-quarkus", "deployment", "src", "main", "java"));

    private ProjectSources() {
    }
}
