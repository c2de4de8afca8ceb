package org.camelbigmarker.jbang;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The project's artifacts, as built by this reactor, installed in the local Maven repository under a version of their
 * own, as `mvn install` would (docs/getting-the-artifact.md), for `camel run --dep=...` to resolve: jar, pom, and the
 * parent pom with the Camel line of this build. Removed again after the run.
 */
final class LocalRepository {

    static final String GROUP = "org.camelbigmarker";

    private final Path projectRoot;
    private final String buildFolder;
    private final String projectVersion;
    private final String camelVersion;
    private final String version;

    LocalRepository(Path projectRoot, String buildFolder, String projectVersion, String camelVersion,
                    String version) {
        this.projectRoot = projectRoot;
        this.buildFolder = buildFolder;
        this.projectVersion = projectVersion;
        this.camelVersion = camelVersion;
        this.version = version;
    }

    /** Installs the parent, the component and the sandbox in {@code repository}. */
    void installIn(Path repository) throws IOException {
        forgetIn(repository);
        String parent = read(projectRoot.resolve("pom.xml"))
                .replaceFirst("<camel.version>[^<]+</camel.version>", "<camel.version>" + camelVersion
                                                                     + "</camel.version>");
        put(repository, "camel-bigmarker-parent", "pom", withOurVersion(parent));
        module(repository, "camel-bigmarker-component", "camel-bigmarker");
        module(repository, "camel-bigmarker-sandbox", "camel-bigmarker-sandbox");
    }

    /** Removes them (and what an earlier run may have left) from {@code localRepository}. */
    void forgetIn(Path localRepository) throws IOException {
        for (String artifact : new String[] {"camel-bigmarker-parent", "camel-bigmarker", "camel-bigmarker-sandbox"}) {
            deleteTree(folder(localRepository, artifact));
        }
    }

    private void module(Path repository, String folder, String artifact) throws IOException {
        Path module = projectRoot.resolve(folder);
        put(repository, artifact, "pom", withOurVersion(read(module.resolve("pom.xml"))));
        Path jar = module.resolve(buildFolder).resolve(artifact + "-" + projectVersion + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is not built: run the reactor with -am");
        }
        Files.copy(jar, folder(repository, artifact).resolve(artifact + "-" + version + ".jar"));
    }

    private String withOurVersion(String pom) {
        return pom.replace("<version>" + projectVersion + "</version>", "<version>" + version + "</version>");
    }

    private void put(Path repository, String artifact, String extension, String content) throws IOException {
        Path folder = folder(repository, artifact);
        Files.createDirectories(folder);
        Files.writeString(folder.resolve(artifact + "-" + version + "." + extension), content);
    }

    private Path folder(Path repository, String artifact) {
        return repository.resolve(GROUP.replace('.', '/')).resolve(artifact).resolve(version);
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file);
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
