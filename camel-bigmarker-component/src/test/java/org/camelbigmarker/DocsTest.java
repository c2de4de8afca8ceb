package org.camelbigmarker;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.JavacTask;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * README.md and docs/ kept true by the code: every bigmarker: URI they show is validated against the component's JSON
 * as Camel's tooling validates endpoints (camel-catalog is not published whole for 4.22.0, so its rules are applied
 * here: the path one of the groups, each option known, an enum's value one of its values, numbers and booleans of
 * their type; placeholders and bean references accepted), every option named as {@code name=value}, as a Spring
 * property or with a default is an option of the component with that default, every CamelBigMarker header exists,
 * every relative link resolves, and every properties, YAML and Java sample parses.
 */
class DocsTest {

    private static final Path ROOT = Path.of("..");
    private static final Pattern URI_IN_TEXT = Pattern.compile("(?<![\\w.-])bigmarker:[a-zA-Z]+(\\?[^\\s`\"')<>]*)?");
    private static final Pattern ASSIGNMENT = Pattern.compile("`([a-z][A-Za-z]+)=([^`&\\s]+)`");
    private static final Pattern DEFAULT = Pattern.compile("`([a-z][A-Za-z]+)`[^`]{0,40}?default (\\d+)\\b");
    private static final Pattern SPRING_PROPERTY = Pattern.compile("camel\\.component\\.bigmarker\\.([a-z-]+)");
    private static final Pattern HEADER = Pattern.compile("\\bCamelBigMarker[A-Za-z]+");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)#\\s]+\\.md)(#[^)]*)?\\)");
    private static final Pattern CODE_BLOCK = Pattern.compile("```([a-z]*)\\n(.*?)```", Pattern.DOTALL);

    private static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>();
        pages.add(ROOT.resolve("README.md"));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(path -> path.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    private static String read(Path page) throws IOException {
        return Files.readString(page, StandardCharsets.UTF_8);
    }

    private static JsonNode metadata() throws IOException {
        try (InputStream in = DocsTest.class.getResourceAsStream("/META-INF/org/camelbigmarker/bigmarker.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    /** Endpoint and component options by name. */
    private static Set<String> options() throws IOException {
        Set<String> names = new TreeSet<>();
        metadata().path("properties").fieldNames().forEachRemaining(names::add);
        metadata().path("componentProperties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void everyEndpointUriTheDocsShowIsValidForCamelsTooling() throws IOException {
        JsonNode properties = metadata().path("properties");
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Path page : pages()) {
            Matcher uri = URI_IN_TEXT.matcher(read(page));
            while (uri.find()) {
                String text = uri.group().replaceAll("[.,;:]+$", "");
                if (text.contains("[") || text.contains("...") || text.contains("|") || text.contains("+")) {
                    continue; // a pattern written for people (alternatives, optional parts, concatenation)
                }
                checked++;
                validate(text, properties).forEach(problem -> problems.add(page.getFileName() + ": " + text + " -> "
                                                                           + problem));
            }
        }
        assertThat(checked).as("URIs checked").isGreaterThan(30);
        assertThat(problems).as("URIs Camel's tooling refuses").isEmpty();
    }

    /** What Camel's endpoint validation would say of {@code uri}: nothing when it is valid. */
    private static List<String> validate(String uri, JsonNode properties) {
        List<String> problems = new ArrayList<>();
        int question = uri.indexOf('?');
        String group = uri.substring("bigmarker:".length(), question < 0 ? uri.length() : question);
        if (!isPlaceholder(group) && !contains(properties.path("group").path("enum"), group)) {
            problems.add("'" + group + "' is not a group");
        }
        if (question < 0) {
            return problems;
        }
        for (String pair : uri.substring(question + 1).split("&", -1)) {
            if (pair.isEmpty() && uri.endsWith("?")) {
                continue; // "bigmarker:registrations?..." in a sentence: the options follow in words
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            if (name.startsWith("param.")) {
                continue; // the multi-value option with prefix param.
            }
            JsonNode option = properties.path(name);
            if (option.isMissingNode()) {
                problems.add("unknown option " + name);
            } else if (!isPlaceholder(value)) {
                String type = option.path("type").asText();
                if (option.has("enum") && !contains(option.path("enum"), value)) {
                    problems.add(name + "=" + value + " is not one of " + option.path("enum"));
                } else if (type.equals("integer") && !value.matches("-?\\d+")) {
                    problems.add(name + "=" + value + " is not a number");
                } else if (type.equals("boolean") && !value.matches("true|false")) {
                    problems.add(name + "=" + value + " is not a boolean");
                }
            }
        }
        return problems;
    }

    /** A value people fill in: a property placeholder, a bean reference, or a word in capitals (ID, CHANNEL, URL). */
    private static boolean isPlaceholder(String value) {
        return value.startsWith("{{") || value.startsWith("#") || value.matches("[A-Z_]+") || value.isEmpty();
    }

    private static boolean contains(JsonNode values, String value) {
        for (JsonNode each : values) {
            if (each.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void everyOptionTheDocsSetOrGiveADefaultForIsTheComponentsWithThatDefault() throws IOException {
        Set<String> options = options();
        JsonNode properties = metadata().path("properties");
        List<String> problems = new ArrayList<>();
        Set<String> starterSwitches = starterProperties();
        for (Path page : pages()) {
            String text = read(page);
            Matcher assignment = ASSIGNMENT.matcher(text);
            while (assignment.find()) {
                String name = assignment.group(1);
                if (looksLikeAnOption(name) && !options.contains(name)) {
                    problems.add(page.getFileName() + ": `" + assignment.group() + "` names no option");
                }
            }
            Matcher spring = SPRING_PROPERTY.matcher(text);
            while (spring.find()) {
                String name = camelCase(spring.group(1));
                if (!options.contains(name) && !starterSwitches.contains(name)) {
                    problems.add(page.getFileName() + ": " + spring.group() + " is no component option");
                }
            }
            Matcher documentedDefault = DEFAULT.matcher(text);
            while (documentedDefault.find()) {
                JsonNode option = properties.path(documentedDefault.group(1));
                if (!option.isMissingNode() && option.has("defaultValue")
                    && !option.path("defaultValue").asText().equals(documentedDefault.group(2))) {
                    problems.add(page.getFileName() + ": " + documentedDefault.group() + ", the component's default"
                                 + " is " + option.path("defaultValue").asText());
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /** camelCase words followed by = in backticks are options; query parameters of other tools are not ours. */
    /**
     * The starter's own properties (camel.component.bigmarker.enabled, .sandbox.enabled...), first segment in
     * camelCase, from the starter's configuration metadata (which its StarterProperty table writes).
     */
    private static Set<String> starterProperties() throws IOException {
        JsonNode starter = new com.fasterxml.jackson.databind.ObjectMapper().readTree(Path.of("..",
                "camel-bigmarker-spring-boot-starter", "src", "main", "resources", "META-INF",
                "spring-configuration-metadata.json").toFile());
        Set<String> names = new java.util.HashSet<>();
        starter.path("properties").forEach(property -> {
            String name = property.path("name").asText().substring("camel.component.bigmarker.".length());
            if (name.contains(".")) {
                names.add(camelCase(name.substring(0, name.indexOf('.'))));
            }
        });
        names.add("enabled");
        return names;
    }

    private static boolean looksLikeAnOption(String name) {
        return !Set.of("per_page", "type", "role", "timing").contains(name) && name.chars().anyMatch(Character::isUpperCase)
               || Set.of("webhook", "delay", "event", "operation", "reports", "identity", "overlap").contains(name);
    }

    private static String camelCase(String kebab) {
        StringBuilder name = new StringBuilder();
        boolean upper = false;
        for (char c : kebab.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.toString();
    }

    /** "all 95:", "95 actions": the number of the operation table, never a number written once and left behind. */
    private static final Pattern ACTION_COUNT = Pattern.compile("\\ball (\\d+):|\\b(\\d+) actions\\b");

    @Test
    void everyCountOfTheApisActionsIsTheOperationTables() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (Path page : pages()) {
            Matcher count = ACTION_COUNT.matcher(read(page));
            while (count.find()) {
                String number = count.group(1) != null ? count.group(1) : count.group(2);
                if (Integer.parseInt(number) != BigMarkerOperation.values().length) {
                    wrong.add(page.getFileName() + ": " + count.group());
                }
            }
        }
        assertThat(wrong).as("the operation table has %d actions", BigMarkerOperation.values().length).isEmpty();
    }

    @Test
    void everyHeaderTheDocsNameExists() throws IOException {
        Set<String> headers = new TreeSet<>();
        metadata().path("headers").fieldNames().forEachRemaining(headers::add);
        List<String> unknown = new ArrayList<>();
        for (Path page : pages()) {
            Matcher header = HEADER.matcher(read(page));
            while (header.find()) {
                if (!headers.contains(header.group())) {
                    unknown.add(page.getFileName() + ": " + header.group());
                }
            }
        }
        assertThat(unknown).isEmpty();
    }

    @Test
    void everyRelativeLinkResolves() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path page : pages()) {
            Matcher link = LINK.matcher(read(page));
            while (link.find()) {
                String target = link.group(1);
                if (!URI.create(target).isAbsolute() && !Files.exists(page.getParent().resolve(target))) {
                    broken.add(page.getFileName() + " -> " + target);
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    @Test
    void everySampleParses() throws Exception {
        List<String> problems = new ArrayList<>();
        int samples = 0;
        for (Path page : pages()) {
            Matcher block = CODE_BLOCK.matcher(read(page));
            while (block.find()) {
                String language = block.group(1);
                String code = block.group(2);
                String where = page.getFileName() + " (" + language + " sample at offset " + block.start() + ")";
                try {
                    switch (language) {
                        case "properties" -> checkProperties(code, where, problems);
                        case "yaml" -> new YAMLMapper().readTree(code);
                        case "java" -> checkJava(code, where, problems);
                        default -> {
                            continue;
                        }
                    }
                    samples++;
                } catch (IOException | RuntimeException unparsable) {
                    problems.add(where + ": " + unparsable.getMessage());
                }
            }
        }
        assertThat(samples).as("samples checked").isGreaterThan(15);
        assertThat(problems).isEmpty();
    }

    /** Parses as java.util.Properties; a '#' after a value is not a comment there, but part of the value. */
    private static void checkProperties(String code, String where, List<String> problems) throws IOException {
        new Properties().load(new StringReader(code));
        for (String line : code.split("\n")) {
            String trimmed = line.trim();
            if (!trimmed.startsWith("#") && trimmed.contains("=") && trimmed.matches(".*\\s#.*")) {
                problems.add(where + ": a '#' after a value becomes part of it: " + trimmed);
            }
        }
    }

    /** Parses (syntax only) as a compilation unit, or as statements of a method when it is a fragment. */
    private static void checkJava(String code, String where, List<String> problems) throws IOException {
        boolean unit = code.contains("class ") || code.startsWith("import ") || code.startsWith("package ");
        String source = unit ? code : "class Sample { void sample() throws Exception {\n" + code + "\n} }";
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> errors = new ArrayList<>();
        JavacTask task = (JavacTask) javac.getTask(null, null, diagnostic -> errors.add(diagnostic.getMessage(
                Locale.ROOT)), List.of("-proc:none"), null, List.of(new SimpleJavaFileObject(URI.create(
                        "string:///Sample.java"), SimpleJavaFileObject.Kind.SOURCE) {
                    @Override
                    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                        return source;
                    }
                }));
        for (CompilationUnitTree ignored : task.parse()) {
            // parsing reports its errors to the listener
        }
        errors.forEach(error -> problems.add(where + ": " + error));
    }
}
