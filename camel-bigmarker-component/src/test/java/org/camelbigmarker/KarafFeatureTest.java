package org.camelbigmarker;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What can be verified of the Karaf deployment without booting Karaf (docs/karaf.md): the features file is valid
 * against Karaf's features XSD; every package the bundle imports is exported, in a version its range accepts, by a
 * bundle the feature installs, or comes from Camel's camel-core feature, Karaf itself or the JRE; the feature
 * installs the versions the component is built with; the bundle exports only the public API and carries Camel's
 * services files.
 */
class KarafFeatureTest {

    private static final Path FEATURES = Path.of(System.getProperty("bigmarker.features", "target/features/features.xml"));
    private static final Path MANIFEST = Path.of(System.getProperty("bigmarker.bundleManifest",
            "target/classes/META-INF/MANIFEST.MF"));
    /** Packages Karaf provides: SLF4J through Pax Logging, and the JRE's through the system bundle. */
    private static final List<String> FROM_KARAF_OR_JRE = List.of("org.slf4j", "javax.net.ssl", "javax.net", "javax.sql",
            "javax.naming", "javax.security", "javax.xml", "org.w3c.dom", "org.xml.sax");
    private static final String FROM_CAMEL_CORE_FEATURE = "org.apache.camel";
    private static final Pattern MVN = Pattern.compile("(wrap:)?mvn:([^/]+)/([^/]+)/([^$/]+)(?:\\$(.*))?");

    /** One package clause of an OSGi header: the package and its attributes. */
    record Clause(String name, Map<String, String> attributes) {
    }

    /** A package a bundle of the feature exports: a name, or a prefix ending in '*'; and its version. */
    record Export(String pattern, String version, String bundle) {
        boolean provides(String pkg) {
            return pattern.endsWith(".*") ? pkg.startsWith(pattern.substring(0, pattern.length() - 1))
                    : pattern.equals(pkg);
        }
    }

    @Test
    void theFeaturesFileIsValidAgainstKarafsFeaturesSchema() throws Exception {
        try (InputStream xsd = getClass().getResourceAsStream("/org/apache/karaf/features/karaf-features-1.6.0.xsd")) {
            assertThat(xsd).as("Karaf's features XSD on the test classpath").isNotNull();
            SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(new StreamSource(xsd))
                    .newValidator().validate(new StreamSource(FEATURES.toFile()));
        }
        assertThat(Files.readString(FEATURES)).as("filtered").doesNotContain("${");
    }

    @Test
    void everyImportedPackageIsExportedByWhatTheFeatureInstallsInAnAcceptedVersion() throws Exception {
        List<Export> exports = exportsOfTheFeaturesBundles();
        List<String> unresolved = new ArrayList<>();
        for (Clause imported : clauses(manifest().getMainAttributes().getValue("Import-Package"))) {
            String pkg = imported.name();
            if ("optional".equals(imported.attributes().get("resolution:"))
                || pkg.startsWith(FROM_CAMEL_CORE_FEATURE + ".") || pkg.equals(FROM_CAMEL_CORE_FEATURE)
                || FROM_KARAF_OR_JRE.stream().anyMatch(prefix -> pkg.equals(prefix) || pkg.startsWith(prefix + "."))) {
                continue;
            }
            String range = imported.attributes().getOrDefault("version", "0");
            boolean provided = exports.stream().anyMatch(export -> export.provides(pkg)
                                                                  && inRange(export.version(), range));
            if (!provided) {
                unresolved.add(pkg + " " + range);
            }
        }
        assertThat(unresolved).as("imports no bundle of the feature exports in range").isEmpty();
    }

    @Test
    void camelPackagesAreImportedOverTheTestedCamelLines() throws IOException {
        assertThat(clauses(manifest().getMainAttributes().getValue("Import-Package")))
                .filteredOn(clause -> clause.name().startsWith("org.apache.camel"))
                .isNotEmpty()
                .allSatisfy(clause -> assertThat(clause.attributes()).containsEntry("version", "[4.18,5)"));
    }

    @Test
    void theFeatureNeedsCamelKarafOverTheRangeTheBundleImportsAndNamesNoCamelRepository() throws Exception {
        Document features = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(FEATURES.toFile());
        assertThat(features.getElementsByTagName("repository").getLength())
                .as("no features repository named: Camel Karaf publishes none for some Camel lines (docs/karaf.md)")
                .isZero();
        String camelImportRange = clauses(manifest().getMainAttributes().getValue("Import-Package")).stream()
                .filter(clause -> clause.name().startsWith(FROM_CAMEL_CORE_FEATURE))
                .map(clause -> clause.attributes().get("version")).findFirst().orElseThrow();
        NodeList required = features.getElementsByTagName("feature");
        List<String> camelCore = new ArrayList<>();
        for (int i = 0; i < required.getLength(); i++) {
            if (required.item(i).getTextContent().trim().equals("camel-core")) {
                camelCore.add(required.item(i).getAttributes().getNamedItem("version").getNodeValue());
            }
        }
        assertThat(camelCore).containsExactly(camelImportRange);
    }

    @Test
    void theFeatureInstallsTheVersionsTheComponentIsBuiltWith() throws Exception {
        for (String location : bundleLocations()) {
            Matcher mvn = MVN.matcher(location);
            assertThat(mvn.matches()).as(location).isTrue();
            if (mvn.group(2).equals("org.camelbigmarker")) {
                continue;
            }
            assertThat(jarOnClasspath(mvn.group(3), mvn.group(4))).as(location + " is the version on the classpath")
                    .isNotNull();
        }
    }

    @Test
    void theBundleExportsOnlyThePublicApiAndCarriesCamelsServicesFiles() throws IOException {
        Manifest manifest = manifest();
        assertThat(clauses(manifest.getMainAttributes().getValue("Export-Package"))).extracting(Clause::name)
                .containsExactlyInAnyOrder("org.camelbigmarker", "org.camelbigmarker.model", "org.camelbigmarker.state",
                        "org.camelbigmarker.client", "org.camelbigmarker.operation");
        assertThat(manifest.getMainAttributes().getValue("Bundle-SymbolicName"))
                .isEqualTo("org.camelbigmarker.camel-bigmarker");
        Path classes = MANIFEST.getParent().getParent();
        for (String service : List.of("component/bigmarker", "configurer/bigmarker-component",
                "configurer/bigmarker-endpoint", "urifactory/bigmarker-endpoint", "dev-console/bigmarker")) {
            assertThat(classes.resolve("META-INF/services/org/apache/camel/" + service)).exists();
        }
    }

    private static Manifest manifest() throws IOException {
        try (InputStream in = Files.newInputStream(MANIFEST)) {
            return new Manifest(in);
        }
    }

    private static List<String> bundleLocations() throws Exception {
        Document features = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(FEATURES.toFile());
        NodeList bundles = features.getElementsByTagName("bundle");
        List<String> locations = new ArrayList<>();
        for (int i = 0; i < bundles.getLength(); i++) {
            locations.add(bundles.item(i).getTextContent().trim());
        }
        return locations;
    }

    /** What each bundle of the feature exports: a bundle's own manifest, or the wrap: instruction's Export-Package. */
    private static List<Export> exportsOfTheFeaturesBundles() throws Exception {
        List<Export> exports = new ArrayList<>();
        for (String location : bundleLocations()) {
            Matcher mvn = MVN.matcher(location);
            assertThat(mvn.matches()).as(location).isTrue();
            if (mvn.group(2).equals("org.camelbigmarker")) { // the bundle itself: it imports what it exports
                for (Clause exported : clauses(manifest().getMainAttributes().getValue("Export-Package"))) {
                    exports.add(new Export(exported.name(), exported.attributes().get("version"), location));
                }
                continue;
            }
            File jar = jarOnClasspath(mvn.group(3), mvn.group(4));
            assertThat(jar).as(location + " on the classpath").isNotNull();
            if (mvn.group(1) != null) {
                Map<String, String> instructions = new LinkedHashMap<>();
                for (String instruction : mvn.group(5).split("&")) {
                    String[] pair = instruction.split("=", 2);
                    instructions.put(pair[0], pair[1]);
                }
                for (Clause exported : clauses(instructions.get("Export-Package"))) {
                    assertThat(containsPackage(jar, exported.name())).as(location + " has " + exported.name()).isTrue();
                    exports.add(new Export(exported.name(), exported.attributes().get("version"), location));
                }
            } else {
                try (JarFile bundle = new JarFile(jar)) {
                    for (Clause exported : clauses(bundle.getManifest().getMainAttributes().getValue("Export-Package"))) {
                        exports.add(new Export(exported.name(), exported.attributes().getOrDefault("version", "0"),
                                location));
                    }
                }
            }
        }
        return exports;
    }

    private static boolean containsPackage(File jar, String pattern) throws IOException {
        String path = pattern.replace(".*", "").replace('.', '/') + "/";
        try (JarFile file = new JarFile(jar)) {
            return file.stream().anyMatch(entry -> entry.getName().startsWith(path));
        }
    }

    private static File jarOnClasspath(String artifactId, String version) {
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.endsWith(File.separator + artifactId + "-" + version + ".jar")) {
                return new File(entry);
            }
        }
        return null;
    }

    /** Splits an OSGi header into clauses: commas and semicolons outside quotes; "a:=b" directives kept as "a:". */
    static List<Clause> clauses(String header) {
        List<Clause> clauses = new ArrayList<>();
        for (String clause : splitOutsideQuotes(header, ',')) {
            List<String> parts = splitOutsideQuotes(clause, ';');
            Map<String, String> attributes = new LinkedHashMap<>();
            List<String> names = new ArrayList<>();
            for (String part : parts) {
                int equals = part.indexOf('=');
                if (equals < 0) {
                    names.add(part.trim());
                } else {
                    String key = part.substring(0, equals).trim().replace(":", "") + (part.charAt(equals - 1) == ':'
                            ? ":" : "");
                    attributes.put(key, part.substring(equals + 1).trim().replace("\"", ""));
                }
            }
            names.forEach(name -> clauses.add(new Clause(name, attributes)));
        }
        return clauses;
    }

    private static List<String> splitOutsideQuotes(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (char c : text.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString());
        return parts;
    }

    /** Whether a version lies in an OSGi range ("[2.22,3)") or is at least a plain version ("2.22"). */
    static boolean inRange(String version, String range) {
        if (!range.startsWith("[") && !range.startsWith("(")) {
            return compare(version, range) >= 0;
        }
        String[] bounds = range.substring(1, range.length() - 1).split(",");
        int low = compare(version, bounds[0]);
        int high = compare(version, bounds[1]);
        return (range.startsWith("[") ? low >= 0 : low > 0) && (range.endsWith("]") ? high <= 0 : high < 0);
    }

    private static int compare(String left, String right) {
        String[] a = left.trim().split("\\.");
        String[] b = right.trim().split("\\.");
        for (int i = 0; i < 3; i++) {
            int x = i < a.length && a[i].matches("\\d+") ? Integer.parseInt(a[i]) : 0;
            int y = i < b.length && b[i].matches("\\d+") ? Integer.parseInt(b[i]) : 0;
            if (x != y) {
                return Integer.compare(x, y);
            }
        }
        return 0;
    }
}
