package org.dudao.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.io.ByteArrayInputStream;
import java.net.URI;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dudao.evaluation.EvaluationFixtures;
import org.dudao.support.Api;
import org.dudao.support.DudaoTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.web.servlet.MockMvc;

/** The 挂牌 plaque: a public page without login, a QR code decoding to it, a printable PDF, messages. */
@DudaoTest
class PlaqueTest {

    @Autowired
    MockMvc mvc;

    @Value("${dudao.inspection.public-base-url}")
    String baseUrl;

    @Test
    void theQrCodeLeadsToThePublicPageWhereAnyoneWritesToTheInspector() throws Exception {
        Api api = new Api(mvc);
        InspectionFixtures fx = new InspectionFixtures(api);
        fx.school("PLQ01", "挂牌测试小学");
        long inspector = fx.inspector("挂牌督学", null);
        api.upload("qs_director", "/api/inspectors/" + inspector + "/photo", "p.png", EvaluationFixtures.png())
                .andExpect(status().isOk());
        fx.zone("PLQ-Z", inspector, "PLQ01");

        // the QR code, read with ZXing's reader, is the public page's absolute address
        byte[] png = mvc.perform(get("/public/plaques/PLQ01/qr.png"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("image/png"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        var image = ImageIO.read(new ByteArrayInputStream(png));
        String decoded = new QRCodeReader()
                .decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))))
                .getText();
        assertThat(decoded).isEqualTo(baseUrl + "/public/plaques/PLQ01");
        // which answers without login, with the inspector, the duties and the eight items
        mvc.perform(get(URI.create(decoded).getPath()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("挂牌督学")))
                .andExpect(content().string(containsString("13900000000")))
                .andExpect(content().string(containsString("督促学校依法依规办学")))
                .andExpect(content().string(containsString("食品卫生")));
        mvc.perform(get("/public/plaques/PLQ01/photo")).andExpect(status().isOk());
        mvc.perform(get("/public/plaques/JB0101")).andExpect(status().isNotFound()); // a county has no plaque
        mvc.perform(get("/public/plaques/NOPE99/qr.png")).andExpect(status().isNotFound());

        // the public writes; a robot filling the hidden field is answered alike and dropped; limits hold
        mvc.perform(post("/public/plaques/PLQ01/messages")
                        .param("body", "校门口上下学时段交通拥堵")
                        .param("contact", "家长")
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/public/plaques/PLQ01/messages")
                        .param("body", "机器人广告")
                        .param("website", "http://spam.example")
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/public/plaques/PLQ01/messages")
                        .param("body", "长".repeat(1001))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attributeExists("errors"));
        api.get("qs_director", "/api/inspection/messages")
                .andExpect(jsonPath("$[*].body", hasItem("校门口上下学时段交通拥堵")))
                .andExpect(jsonPath("$[*].body", not(hasItem("机器人广告"))))
                .andExpect(jsonPath("$[?(@.school=='PLQ01')].inspector", hasItem("挂牌督学")));
        api.get("dh_director", "/api/inspection/messages")
                .andExpect(jsonPath("$[*].body", not(hasItem("校门口上下学时段交通拥堵"))));

        // the printable plaque in both layouts, Chinese text extractable; out of scope: 404
        for (String format : new String[] {"A4", "60x40"}) {
            byte[] pdf = api.get("qs_director", "/api/plaques/PLQ01.pdf?format=" + format)
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsByteArray();
            try (PDDocument doc = PDDocument.load(pdf)) {
                String text = new PDFTextStripper().getText(doc);
                assertThat(text).contains("挂牌测试小学").contains("挂牌督学").contains("校园安全");
                float widthMm = doc.getPage(0).getMediaBox().getWidth() / 72f * 25.4f;
                assertThat(widthMm)
                        .isCloseTo(format.equals("A4") ? 210f : 600f, org.assertj.core.data.Offset.offset(2f));
            }
        }
        api.get("qs_director", "/api/plaques/PLQ01.pdf?format=B5").andExpect(status().isBadRequest());
        api.get("dh_director", "/api/plaques/PLQ01.pdf").andExpect(status().isNotFound());
    }
}
