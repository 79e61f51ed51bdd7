package org.dudao;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The documented architecture is the one the build checks: the module table of {@code docs/ARCHITECTURE.md} names
 * exactly the dependencies each feature declares (and {@link ModularityTests} enforces), and the diagrams in
 * {@code docs/modules/} are what Modulith's {@link Documenter} writes for the code as it is. After a change of the
 * module layout, refresh the diagrams with {@code ./mvnw -pl app -am test -Dtest=DocumentationTests
 * -Ddudao.docs.write=true -Dsurefire.failIfNoSpecifiedTests=false} and commit them.
 */
class DocumentationTests {

    static final ApplicationModules MODULES = ApplicationModules.of(DudaoApplication.class);
    static final Path DOCS = Path.of("..", "docs");
    static final Pattern ROW = Pattern.compile("^\\| `([a-z]+)` \\|.*\\| ([^|]*) \\|$");

    @Test
    void architecturePageNamesTheDeclaredDependencies() throws IOException {
        Map<String, TreeSet<String>> documented = new TreeMap<>();
        for (String line : Files.readAllLines(DOCS.resolve("ARCHITECTURE.md"), StandardCharsets.UTF_8)) {
            Matcher m = ROW.matcher(line.strip());
            if (m.matches()) {
                documented.put(m.group(1), names(m.group(2)));
            }
        }
        Map<String, TreeSet<String>> declared = new TreeMap<>();
        MODULES.forEach(module -> declared.put(
                module.getName(), declaredDependencies(module.getBasePackage().getName())));
        assertThat(documented)
                .as("the module table of docs/ARCHITECTURE.md (feature → allowedDependencies in its package-info)")
                .isEqualTo(declared);
    }

    @Test
    void moduleDiagramsInDocsAreTheGeneratedOnes() throws IOException {
        Path generated = Path.of("target", "modulith-docs");
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(generated.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        Path committed = DOCS.resolve("modules");
        if (Boolean.getBoolean("dudao.docs.write")) {
            copy(generated, committed);
        }
        assertThat(files(committed))
                .as("docs/modules is stale: regenerate it (see DocumentationTests)")
                .isEqualTo(files(generated));
    }

    /** "none" or a comma-separated list of module names, in backticks or not. */
    private static TreeSet<String> names(String cell) {
        TreeSet<String> names = new TreeSet<>();
        for (String part : cell.replace("`", "").split(",")) {
            String name = part.strip();
            if (!name.isEmpty() && !name.equals("none")) {
                names.add(name);
            }
        }
        return names;
    }

    private static TreeSet<String> declaredDependencies(String basePackage) {
        try {
            ApplicationModule module =
                    Class.forName(basePackage + ".package-info").getAnnotation(ApplicationModule.class);
            TreeSet<String> names = new TreeSet<>();
            if (module != null) {
                Arrays.stream(module.allowedDependencies())
                        .map(d -> d.replaceAll("::.*", ""))
                        .forEach(names::add);
            }
            return names;
        } catch (ClassNotFoundException e) {
            // the engine is a plain jar without Spring: it cannot carry the annotation and depends on nothing
            return new TreeSet<>(basePackage.equals("org.dudao.engine") ? List.of() : List.of("(no package-info)"));
        }
    }

    private static Map<String, String> files(Path folder) throws IOException {
        Map<String, String> contents = new TreeMap<>();
        if (Files.isDirectory(folder)) {
            try (Stream<Path> paths = Files.list(folder)) {
                for (Path p : paths.filter(Files::isRegularFile).toList()) {
                    // lines sorted: the Documenter does not promise an order for relations
                    contents.put(
                            p.getFileName().toString(),
                            Files.readAllLines(p, StandardCharsets.UTF_8).stream()
                                    .map(String::strip)
                                    .filter(l -> !l.isEmpty())
                                    .sorted()
                                    .toList()
                                    .toString());
                }
            }
        }
        return contents;
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        List<Path> old = new ArrayList<>();
        try (Stream<Path> paths = Files.list(to)) {
            paths.forEach(old::add);
        }
        for (Path p : old) {
            Files.delete(p);
        }
        try (Stream<Path> paths = Files.list(from)) {
            for (Path p : paths.filter(Files::isRegularFile).toList()) {
                Files.copy(p, to.resolve(p.getFileName()));
            }
        }
    }
}
