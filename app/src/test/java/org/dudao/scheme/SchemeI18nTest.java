package org.dudao.scheme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** UI text of the scheme screens lives in the message bundles: no CJK in templates or scripts, same keys zh/en. */
class SchemeI18nTest {

    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final Pattern CJK = Pattern.compile("[\\p{IsHan}\\u3000-\\u303F\\uFF00-\\uFFEF]");
    private static final Pattern MESSAGE_EXPR = Pattern.compile("#\\{[^}]*}");

    @Test
    void templatesAndTheEditorScriptHaveNoChineseOutsideMessageKeys() throws IOException {
        List<String> offenders = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(RESOURCES.resolve("templates/scheme"))) {
            s.filter(Files::isRegularFile).forEach(files::add);
        }
        files.add(RESOURCES.resolve("static/js/scheme-editor.js"));
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (CJK.matcher(MESSAGE_EXPR.matcher(lines.get(i)).replaceAll("")).find()) {
                    offenders.add(file.getFileName() + ":" + (i + 1));
                }
            }
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void chineseAndEnglishBundlesHaveTheSameKeys() throws IOException {
        Properties zh = load("i18n/scheme.properties"), en = load("i18n/scheme_en.properties");
        assertThat(en.stringPropertyNames()).isEqualTo(zh.stringPropertyNames());
        assertThat(zh.getProperty("scheme.title")).isEqualTo("评估方案");
    }

    @Test
    void everyMessageKeyUsedInTheTemplatesExists() throws IOException {
        Properties all = new Properties();
        for (String b : List.of("messages", "scheme")) {
            all.putAll(load("i18n/" + b + ".properties"));
        }
        Pattern key = Pattern.compile("#\\{([a-z][A-Za-z0-9._-]*[A-Za-z0-9])[}(]");
        List<String> missing = new ArrayList<>();
        try (Stream<Path> s = Files.walk(RESOURCES.resolve("templates/scheme"))) {
            for (Path file : s.filter(Files::isRegularFile).toList()) {
                var m = key.matcher(Files.readString(file));
                while (m.find()) {
                    if (!all.containsKey(m.group(1))) missing.add(file.getFileName() + ": " + m.group(1));
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    private static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(RESOURCES.resolve(resource))) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
