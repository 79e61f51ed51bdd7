package org.dudao;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * UI text lives only in the message bundles: templates carry no Chinese literals, every bundle has an English
 * twin with the same keys, and every key named in a template or in Java code exists.
 */
class MessagesTest {

    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final Pattern CJK = Pattern.compile("[\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef]");
    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([A-Za-z0-9_.-]+)[}(]");
    private static final Pattern JAVA_LITERAL = Pattern.compile("\"([a-z]+(?:\\.[a-z0-9-]+)+)\"");

    @Test
    void everyBundleHasAnEnglishTwinWithTheSameKeys() throws IOException {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.list(RESOURCES.resolve("i18n"))) {
            for (Path zh :
                    files.filter(p -> !p.getFileName().toString().contains("_")).toList()) {
                Path en = zh.resolveSibling(zh.getFileName().toString().replace(".properties", "_en.properties"));
                assertThat(en).as("English twin of " + zh).exists();
                Set<Object> zhKeys = load(zh).keySet();
                Set<Object> enKeys = load(en).keySet();
                zhKeys.stream().filter(k -> !enKeys.contains(k)).forEach(k -> problems.add(en + " lacks " + k));
                enKeys.stream().filter(k -> !zhKeys.contains(k)).forEach(k -> problems.add(zh + " lacks " + k));
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void templatesHaveNoChineseLiteralsAndNameOnlyExistingKeys() throws IOException {
        Set<String> keys = allKeys();
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.walk(RESOURCES.resolve("templates"))) {
            for (Path t : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                List<String> lines = Files.readAllLines(t);
                for (int i = 0; i < lines.size(); i++) {
                    if (CJK.matcher(lines.get(i)).find()) {
                        problems.add(t + ":" + (i + 1) + " has a Chinese literal: "
                                + lines.get(i).trim());
                    }
                    Matcher m = TEMPLATE_KEY.matcher(lines.get(i));
                    while (m.find()) {
                        if (!keys.contains(m.group(1))) {
                            problems.add(t + ":" + (i + 1) + " names a missing key " + m.group(1));
                        }
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void ourScriptsHaveNoChineseLiterals() throws IOException {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.walk(RESOURCES.resolve("static/js"))) {
            for (Path js : files.filter(p -> p.toString().endsWith(".js")).toList()) {
                List<String> lines = Files.readAllLines(js);
                for (int i = 0; i < lines.size(); i++) {
                    if (CJK.matcher(lines.get(i)).find()) {
                        problems.add(js + ":" + (i + 1) + " has a Chinese literal (pass texts from the page)");
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void messageKeysUsedInCodeExist() throws IOException {
        Set<String> keys = allKeys();
        Set<String> prefixes = new HashSet<>();
        keys.forEach(k -> prefixes.add(k.substring(0, k.indexOf('.'))));
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path j : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = JAVA_LITERAL.matcher(Files.readString(j));
                while (m.find()) {
                    String literal = m.group(1);
                    String prefix = literal.substring(0, literal.indexOf('.'));
                    boolean looksLikeKey = prefixes.contains(prefix)
                            && !literal.startsWith("org.dudao")
                            && !literal.startsWith("org.springframework")
                            && !literal.startsWith("org.apache");
                    if (looksLikeKey && !keys.contains(literal) && !isPrefixOfKey(keys, literal)) {
                        problems.add(j + " names a missing key " + literal);
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    private static boolean isPrefixOfKey(Set<String> keys, String literal) {
        // keys built in code, e.g. "role." + name()
        return keys.stream().anyMatch(k -> k.startsWith(literal + "."));
    }

    private static Set<String> allKeys() throws IOException {
        Set<String> keys = new HashSet<>();
        try (Stream<Path> files = Files.list(RESOURCES.resolve("i18n"))) {
            for (Path p : files.toList()) {
                load(p).keySet().forEach(k -> keys.add((String) k));
            }
        }
        return keys;
    }

    private static Properties load(Path p) throws IOException {
        Properties props = new Properties();
        try (var reader = new InputStreamReader(Files.newInputStream(p), StandardCharsets.UTF_8)) {
            props.load(reader);
        }
        return props;
    }
}
