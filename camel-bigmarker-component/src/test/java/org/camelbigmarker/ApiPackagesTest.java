package org.camelbigmarker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public API is drawn once: the packages the OSGi bundle exports (the component pom's Export-Package) are the ones
 * japicmp compares and docs/versioning.md names, and no public member of an exported type names a type of an internal
 * package (an adopter could not use it, and OSGi would refuse it).
 */
class ApiPackagesTest {

    private static final Path POM = Path.of("pom.xml");
    private static final Path VERSIONING = Path.of("..", "docs", "versioning.md");

    static List<String> exported() throws IOException {
        Matcher export = Pattern.compile("<Export-Package>([^<]+)</Export-Package>").matcher(Files.readString(POM));
        assertThat(export.find()).isTrue();
        return Arrays.stream(export.group(1).split(",")).map(String::strip).toList();
    }

    @Test
    void theExportsJapicmpAndTheVersioningPageNameTheSamePackages() throws IOException {
        List<String> exported = exported();
        Matcher includes = Pattern.compile("<include>([^<]+)</include>").matcher(Files.readString(POM));
        Set<String> compared = new TreeSet<>();
        while (includes.find()) {
            compared.add(includes.group(1));
        }
        assertThat(compared).as("japicmp's includes").isEqualTo(new TreeSet<>(exported));
        String versioning = Files.readString(VERSIONING);
        String apiSentence = versioning.substring(versioning.indexOf("the packages the OSGi bundle exports"),
                versioning.indexOf("the endpoint options and headers"));
        Set<String> named = new TreeSet<>();
        Matcher name = Pattern.compile("`(org\\.camelbigmarker[a-z.]*)`").matcher(apiSentence);
        while (name.find()) {
            named.add(name.group(1));
        }
        assertThat(named).as("docs/versioning.md's public API").isEqualTo(new TreeSet<>(exported));
    }

    /** The packages the pom leaves out of the javadoc; {@code x.*} stands for x's subpackages. */
    static List<String> leftOutOfTheJavadoc() throws IOException {
        Matcher internal = Pattern.compile("<bigmarker.internalPackages>([^<]+)</bigmarker.internalPackages>")
                .matcher(Files.readString(POM));
        assertThat(internal.find()).isTrue();
        return Arrays.stream(internal.group(1).split(":")).map(String::strip).toList();
    }

    @Test
    void everyPackageIsEitherExportedOrLeftOutOfTheJavadocNeverBoth() throws IOException {
        List<String> exported = exported();
        List<String> internal = leftOutOfTheJavadoc();
        Set<String> packages = new TreeSet<>();
        for (JavaClass type : new ClassFileImporter().importPath(mainClasses())) {
            packages.add(type.getPackageName());
        }
        for (String name : packages) {
            boolean isInternal = internal.stream().anyMatch(entry -> entry.endsWith(".*")
                    ? name.startsWith(entry.substring(0, entry.length() - 1)) : entry.equals(name));
            assertThat(exported.contains(name) ^ isInternal).as(name + ": exported or internal, not both").isTrue();
        }
    }

    @Test
    void noPublicMemberOfAnExportedTypeNamesAnInternalType() throws IOException {
        Set<String> api = new TreeSet<>(exported());
        JavaClasses classes = new ClassFileImporter().importPath(mainClasses());
        List<String> leaks = new ArrayList<>();
        for (JavaClass type : classes) {
            if (!api.contains(type.getPackageName()) || !type.getModifiers().contains(JavaModifier.PUBLIC)) {
                continue;
            }
            for (JavaCodeUnit member : type.getCodeUnits()) {
                if (member.getModifiers().contains(JavaModifier.PUBLIC)
                    || member.getModifiers().contains(JavaModifier.PROTECTED)) {
                    List<JavaClass> named = new ArrayList<>(member.getRawParameterTypes());
                    named.add(member.getRawReturnType());
                    named.stream().filter(used -> internal(used, api))
                            .forEach(used -> leaks.add(member.getFullName() + " names " + used.getName()));
                }
            }
            for (JavaField field : type.getFields()) {
                if (field.getModifiers().contains(JavaModifier.PUBLIC) && internal(field.getRawType(), api)) {
                    leaks.add(field.getFullName() + " is a " + field.getRawType().getName());
                }
            }
        }
        assertThat(leaks).as("public members naming internal types").isEmpty();
    }

    @Test
    void everyOtherPackageSaysItIsInternal() throws IOException {
        Set<String> api = new TreeSet<>(exported());
        List<String> unmarked = new ArrayList<>();
        try (var sources = Files.walk(Path.of("src", "main", "java"))) {
            for (Path info : sources.filter(path -> path.endsWith("package-info.java")).toList()) {
                String text = Files.readString(info);
                String name = text.substring(text.indexOf("package ") + 8, text.indexOf(';', text.indexOf("package ")));
                if (!api.contains(name) && !text.contains("Internal: not part of the public API")) {
                    unmarked.add(name);
                }
            }
        }
        assertThat(unmarked).as("internal packages whose javadoc does not say so").isEmpty();
    }

    /** The component's own classes, from where they were compiled (a profile builds elsewhere). */
    private static Path mainClasses() {
        try {
            return Path.of(BigMarkerComponent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static boolean internal(JavaClass used, Set<String> api) {
        JavaClass base = used.isArray() ? used.getBaseComponentType() : used;
        return base.getPackageName().startsWith("org.camelbigmarker") && !api.contains(base.getPackageName());
    }
}
