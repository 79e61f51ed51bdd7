package org.dudao.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dudao.shared.pdf.PdfRenderer;
import org.dudao.support.DudaoTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@DudaoTest
class PdfRendererTest {

    @Autowired
    PdfRenderer pdf;

    @Test
    void chineseTextIsEmbeddedAsTextWithTheBundledFont() throws Exception {
        byte[] bytes = pdf.render(
                "pdf/sample",
                Map.of("title", "义务教育学校标准化建设评估验收", "body", "城关中心小学 达标 授牌证书编号 2026-001"),
                Locale.SIMPLIFIED_CHINESE);
        try (PDDocument doc = PDDocument.load(bytes)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("义务教育学校标准化建设评估验收").contains("城关中心小学");
            PDFont font = doc.getPage(0)
                    .getResources()
                    .getFont(doc.getPage(0)
                            .getResources()
                            .getFontNames()
                            .iterator()
                            .next());
            assertThat(font.getName()).contains("WenQuanYi");
            assertThat(font.isEmbedded()).isTrue();
        }
    }

    @Test
    void ideographsTheFontSharesWithCompatibilityTwinsAreExtractedAsThemselves() throws Exception {
        // the font gives 年 (U+5E74) the same glyph as its compatibility twin U+F98E
        byte[] bytes =
                pdf.render("pdf/sample", Map.of("title", "2026年度评估", "body", "九年一贯制学校 不达标"), Locale.SIMPLIFIED_CHINESE);
        try (PDDocument doc = PDDocument.load(bytes)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("2026年度评估").contains("九年一贯制学校 不达标");
            assertThat(text.chars().filter(c -> c >= 0xF900 && c <= 0xFAFF)).isEmpty();
        }
    }
}
