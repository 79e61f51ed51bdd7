package org.dudao.shared.pdf;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * Renders a Thymeleaf template (well-formed XHTML under {@code templates/pdf/}) to PDF with the bundled
 * WenQuanYi Micro Hei TrueType font embedded, so Chinese text prints as text, not boxes, on any machine.
 * Templates name the font family {@value #FONT_FAMILY}.
 */
@Component
public class PdfRenderer {

    public static final String FONT_FAMILY = "WQY MicroHei";
    private static final String FONT = "/fonts/wqy-microhei.ttf";
    private static final Pattern COMPATIBILITY = Pattern.compile("<((?:F9|FA)[0-9A-Fa-f]{2})>");

    private final SpringTemplateEngine templates;

    PdfRenderer(SpringTemplateEngine templates) {
        this.templates = templates;
    }

    public byte[] render(String template, Map<String, Object> model, Locale locale) {
        String html = templates.process(template, new Context(locale, model));
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(PdfRenderer::font, FONT_FAMILY);
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
            return unifiedIdeographs(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The font maps some glyphs both to a unified ideograph and to its CJK compatibility twin (年 U+5E74 and
     * U+F98E); the embedded text map then names the twin, so copied or searched text does not match. Each twin
     * in a font's ToUnicode map is replaced by its canonical ideograph (NFC).
     */
    static byte[] unifiedIdeographs(byte[] pdf) throws IOException {
        try (PDDocument doc = PDDocument.load(pdf)) {
            boolean changed = false;
            for (PDPage page : doc.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    if (resources.getFont(name).getCOSObject().getDictionaryObject(COSName.TO_UNICODE)
                            instanceof COSStream map) {
                        changed |= unify(map);
                    }
                }
            }
            if (!changed) {
                return pdf;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static boolean unify(COSStream map) throws IOException {
        String cmap;
        try (InputStream in = map.createInputStream()) {
            cmap = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
        // destinations are UTF-16 hex; glyph ids of this font stay far below U+F900, so only text matches
        String fixed = COMPATIBILITY.matcher(cmap).replaceAll(m -> {
            String unified =
                    Normalizer.normalize(String.valueOf((char) Integer.parseInt(m.group(1), 16)), Normalizer.Form.NFC);
            return "<" + HexFormat.of().withUpperCase().toHexDigits(unified.charAt(0)) + ">";
        });
        if (fixed.equals(cmap)) {
            return false;
        }
        try (OutputStream out = map.createOutputStream(COSName.FLATE_DECODE)) {
            out.write(fixed.getBytes(StandardCharsets.ISO_8859_1));
        }
        return true;
    }

    private static InputStream font() {
        InputStream in = PdfRenderer.class.getResourceAsStream(FONT);
        if (in == null) {
            throw new IllegalStateException("bundled font missing: " + FONT);
        }
        return in;
    }
}
