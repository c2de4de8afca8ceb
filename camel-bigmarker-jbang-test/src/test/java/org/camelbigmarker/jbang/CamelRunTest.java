package org.camelbigmarker.jbang;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/examples.md's `camel run` of the JBang quickstart, as a user runs it: Camel JBang's main in a JVM of its own,
 * whose classpath is Camel JBang only; the component and the sandbox come through --dep, resolved from the local Maven
 * repository as after `mvn install`. Offline (--download=false): nothing is downloaded.
 */
class CamelRunTest {

    /** Not the project's version: an earlier `mvn install` of another Camel line must not stand in for this build. */
    static final String VERSION_UNDER_TEST = "0.0.0-camel-run-test";
    static final String LEAD = "grace.hopper@example.org";

    private final Path projectRoot = Paths.get(System.getProperty("bigmarker.projectRoot")).toAbsolutePath()
            .normalize();
    private final Path buildFolder = Paths.get(System.getProperty("bigmarker.buildFolder"));

    @Test
    void theQuickstartRegistersALeadAndConsumesItFromTheSandbox() throws Exception {
        Path work = buildFolder.resolve("camel-run").toAbsolutePath();
        LocalRepository.deleteTree(work);
        Files.createDirectories(work);
        LocalRepository artifacts = new LocalRepository(projectRoot, System.getProperty("bigmarker.buildFolder"),
                System.getProperty("bigmarker.version"), System.getProperty("bigmarker.camelVersion"),
                VERSION_UNDER_TEST);
        Path localRepository = Paths.get(System.getProperty("bigmarker.localRepository"));
        Path quickstart = projectRoot.resolve("camel-bigmarker-examples/src/main/jbang");
        for (String file : new String[] {"bigmarker-quickstart.camel.yaml", "application.properties"}) {
            Files.copy(quickstart.resolve(file), work.resolve(file));
        }

        Path output = work.resolve("camel-run.log");
        boolean ended;
        try {
            artifacts.installIn(localRepository);
            Process camel = new ProcessBuilder(command(freePort()))
                    .directory(work.toFile()).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            ended = camel.waitFor(3, TimeUnit.MINUTES);
            if (!ended) {
                camel.destroyForcibly();
            }
        } finally {
            artifacts.forgetIn(localRepository);
        }
        String log = Files.readString(output);

        assertThat(ended).as("camel run ended by itself: %s", log).isTrue();
        assertThat(log).as(log)
                .contains("Apache Camel 4.17.0")
                .contains("registered " + LEAD + " to c0ffee01")
                .contains("new registration " + LEAD + " to c0ffee01")
                .doesNotContain("Downloading:");
    }

    @Test
    void docsExamplesShowsEveryPropertyOfTheQuickstart() throws IOException {
        String docs = Files.readString(projectRoot.resolve("docs/examples.md"));
        List<String> properties = Files.readAllLines(
                projectRoot.resolve("camel-bigmarker-examples/src/main/jbang/application.properties")).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();

        assertThat(properties).isNotEmpty().allSatisfy(line -> assertThat(docs).contains(line));
    }

    private List<String> command(int sandboxPort) {
        List<String> command = new ArrayList<>(List.of(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                CamelRunMain.class.getName(),
                "run", "bigmarker-quickstart.camel.yaml", "application.properties",
                "--dep=" + LocalRepository.GROUP + ":camel-bigmarker:" + VERSION_UNDER_TEST + ","
                + LocalRepository.GROUP + ":camel-bigmarker-sandbox:" + VERSION_UNDER_TEST,
                "--download=false",
                "--prop=sandbox.port=" + sandboxPort,
                "--prop=quickstart.poll-delay=1000",
                "--max-messages=2",
                "--max-seconds=120"));
        return command;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
