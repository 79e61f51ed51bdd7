package org.dudao.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** UI text lives only in message bundles: no CJK in templates outside #{...}, and bundles keep the same keys. */
class CollectionI18nTest {

    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final Pattern CJK = Pattern.compile("[\\p{IsHan}\\u3000-\\u303f\\uff00-\\uffef]");
    private static final Pattern KEY = Pattern.compile("#\\{[^}]*}");

    @Test
    void templatesHoldNoChineseOutsideMessageKeys() throws IOException {
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(RESOURCES.resolve("templates"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    String stripped = KEY.matcher(lines.get(i)).replaceAll("");
                    if (CJK.matcher(stripped).find()) {
                        offenders.add(RESOURCES.relativize(file) + ":" + (i + 1) + " " + lines.get(i).trim());
                    }
                }
            }
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void everyBundleHasTheSameKeysAsItsEnglishTwin() throws IOException {
        try (Stream<Path> files = Files.list(RESOURCES.resolve("i18n"))) {
            List<Path> bundles = files.filter(p -> p.toString().endsWith(".properties")
                    && !p.getFileName().toString().contains("_")).toList();
            assertThat(bundles).isNotEmpty();
            for (Path zh : bundles) {
                Path en = zh.resolveSibling(zh.getFileName().toString().replace(".properties", "_en.properties"));
                assertThat(en).as("English twin of " + zh).exists();
                assertThat(load(en).stringPropertyNames()).as(en.toString())
                        .containsExactlyInAnyOrderElementsOf(load(zh).stringPropertyNames());
            }
        }
    }

    private static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }
}
