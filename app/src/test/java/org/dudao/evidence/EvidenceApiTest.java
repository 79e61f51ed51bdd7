package org.dudao.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dudao.support.Api;
import org.dudao.support.DudaoTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Evidence files: type from content, size limit, SHA-256, scoped download, audited delete. */
@DudaoTest
public class EvidenceApiTest {

    static final String SCHOOL = "JB01010101";
    static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF".getBytes();
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    @Autowired
    MockMvc mvc;

    Api api;

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(mvc);
        org.dudao.collection.CollectionTestItems.ensure(api);
    }

    public static byte[] zip(String... names) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String name : names) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write("<x/>".getBytes());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    ResultActions upload(String user, String name, byte[] content, String params) throws Exception {
        return mvc.perform(multipart("/api/evidence?" + params)
                .file(new MockMultipartFile("file", name, "application/octet-stream", content))
                .with(httpBasic(user, Api.PASSWORD)));
    }

    @Test
    void storesChecksumServesInScopeAndAuditsDeletion() throws Exception {
        String json = upload("school_clerk", "校舍安全鉴定报告.pdf", PDF, "orgUnit=" + SCHOOL + "&period=2031&item=t_area")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.contentType").value("application/pdf"))
                .andExpect(jsonPath("$.size").value(PDF.length))
                .andExpect(jsonPath("$.sha256")
                        .value(HexFormat.of()
                                .formatHex(MessageDigest.getInstance("SHA-256").digest(PDF))))
                .andReturn()
                .getResponse()
                .getContentAsString();
        int id = JsonPath.read(json, "$.id");
        byte[] body = api.get("cg_clerk", "/api/evidence/" + id + "?inline=true")
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition", containsString("inline")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(body).isEqualTo(PDF);
        api.get("city_leader", "/api/evidence?orgUnit=" + SCHOOL + "&period=2031")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id==" + id + ")].fileName").value("校舍安全鉴定报告.pdf"));
        api.get("dh_director", "/api/evidence/" + id).andExpect(status().isNotFound());
        api.delete("city_leader", "/api/evidence/" + id).andExpect(status().isForbidden());
        api.delete("dh_director", "/api/evidence/" + id).andExpect(status().isNotFound());
        api.delete("school_clerk", "/api/evidence/" + id).andExpect(status().isNoContent());
        api.get("school_clerk", "/api/evidence/" + id).andExpect(status().isNotFound());
        // this file's entries (other tests and the demo upload evidence too)
        api.get("admin", "/api/audit?type=Evidence&size=100")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[?(@.entityId=='" + id + "' && @.action=='DELETE')].username")
                        .value(org.hamcrest.Matchers.contains("school_clerk")));
    }

    @Test
    void acceptsRealOfficeFilesAndImages() throws Exception {
        upload("school_clerk", "photo.png", PNG, "orgUnit=" + SCHOOL)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.contentType").value("image/png"));
        upload(
                        "school_clerk",
                        "photo.JPG",
                        new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 16},
                        "orgUnit=" + SCHOOL)
                .andExpect(status().isCreated());
        upload(
                        "school_clerk",
                        "说明.docx",
                        zip("[Content_Types].xml", "word/document.xml", "_rels/.rels"),
                        "orgUnit=" + SCHOOL)
                .andExpect(status().isCreated());
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            wb.createSheet("a").createRow(0).createCell(0).setCellValue(1);
            wb.write(xlsx);
        }
        upload("school_clerk", "台账.xlsx", xlsx.toByteArray(), "orgUnit=" + SCHOOL)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.contentType", containsString("spreadsheetml")));
    }

    @Test
    void refusesBadFilesWithAClearMessage() throws Exception {
        upload("school_clerk", "report.pdf", "just text, not a pdf".getBytes(), "orgUnit=" + SCHOOL)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.errors[0].message", containsString("不支持的文件类型")));
        upload("school_clerk", "report.pdf", PNG, "orgUnit=" + SCHOOL)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message", containsString("扩展名与内容不符")));
        upload("school_clerk", "empty.pdf", new byte[0], "orgUnit=" + SCHOOL)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("文件为空"));
        upload("school_clerk", "fake.xlsx", zip("[Content_Types].xml", "foo/bar.xml"), "orgUnit=" + SCHOOL)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message", containsString("不支持的文件类型")));
        upload("school_clerk", "fake.xlsx", zip("readme.txt"), "orgUnit=" + SCHOOL)
                .andExpect(status().isBadRequest());
        upload("school_clerk", "script.exe", "MZ\u0090\u0000".getBytes(), "orgUnit=" + SCHOOL)
                .andExpect(status().isBadRequest());
        byte[] big = new byte[2 * 1024 * 1024 + 1];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        upload("school_clerk", "big.pdf", big, "orgUnit=" + SCHOOL)
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.detail").value("文件超过大小上限 2 MB"));
        // scope: another school does not exist for this clerk; a leader may not attach
        upload("school_clerk", "a.pdf", PDF, "orgUnit=JB01010102").andExpect(status().isNotFound());
        upload("city_leader", "a.pdf", PDF, "orgUnit=" + SCHOOL).andExpect(status().isForbidden());
    }
}
