package org.dudao.shared.pdf;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
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
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream font() {
        InputStream in = PdfRenderer.class.getResourceAsStream(FONT);
        if (in == null) {
            throw new IllegalStateException("bundled font missing: " + FONT);
        }
        return in;
    }
}
