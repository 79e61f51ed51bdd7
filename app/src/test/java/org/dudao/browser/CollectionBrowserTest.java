package org.dudao.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dudao.support.BrowserTest;
import org.dudao.support.TestClock;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A school clerk fills in a form (inline errors, draft, submit), the township clerk returns it with a reason,
 * the clerk corrects and re-submits, the township approves; then the county round-trips the task's Excel file.
 */
class CollectionBrowserTest extends BrowserTest {

    static final String SCHOOL = "JB01010101";

    private long createTask() throws Exception {
        for (String[] item : new String[][] {
            {"t_students", "测试在校生数", "INTEGER", "true"},
            {"t_dropouts", "测试辍学人数", "INTEGER", "false"},
            {"t_area", "测试校舍面积", "NUMBER", "false"}
        }) {
            if (api.get("admin", "/api/data-items/" + item[0])
                            .andReturn()
                            .getResponse()
                            .getStatus()
                    != 200) {
                api.post("admin", "/api/data-items", """
                        {"code":"%s","name":"%s","valueType":"%s","minValue":"0","required":%s,"aggregation":"SUM",
                         "periodType":"YEAR"}""".formatted(item[0], item[1], item[2], item[3]))
                        .andExpect(status().isCreated());
            }
        }
        String json = api.post("qs_director", "/api/collection/tasks", """
                {"name":"浏览器测试填报","period":"2047","rootUnit":"JB010101","kinds":["小学"],"deadline":"%s",
                 "sections":[{"title":"学生","items":["t_students","t_dropouts"]},{"title":"校舍","items":["t_area"]}],
                 "rules":[{"left":"t_dropouts","op":"<=","right":["t_students"]}]}""".formatted(
                                TestClock.today().plusDays(7)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(json, "$.id")).longValue();
    }

    /** Submits the form, confirming the browser's dialog, and waits for the page that answers. */
    private void submitForm() {
        browser.markLeaving().click(By.id("form-submit"));
        browser.waitFor(ExpectedConditions.alertIsPresent()).accept();
        browser.waitForNextPage();
    }

    @Test
    void clerkFillsSavesSubmitsIsReturnedAndResubmitsThenExcelRoundTrips() throws Exception {
        long id = createTask();
        String formPath = "/collection/tasks/" + id + "/units/" + SCHOOL;

        openAs("school_clerk", "/collection");
        browser.click(By.id("fill-" + id + "-" + SCHOOL));
        assertThat(browser.text(By.id("form-status"))).isEqualTo("未填报");

        // inline validation in Chinese, then the same check on save
        browser.type(By.id("f-t_students"), "六百");
        browser.submit(By.id("form-save"));
        assertThat(browser.text(By.id("err-t_students"))).isEqualTo("请输入整数");
        assertThat(browser.text(By.id("failure"))).contains("需要修改");

        browser.type(By.id("f-t_students"), "600");
        browser.type(By.id("f-t_dropouts"), "700");
        browser.type(By.id("f-t_area"), "3000.5");
        browser.submit(By.id("form-save"));
        assertThat(browser.text(By.id("notice"))).isEqualTo("草稿已保存");
        assertThat(browser.text(By.id("form-status"))).isEqualTo("填报中");
        assertThat(browser.find(By.id("f-t_area")).getAttribute("value")).isEqualTo("3000.5");
        assertThat(browser.text(By.id("rule-warnings"))).contains("不能大于");

        // the rule blocks submitting; fixing it lets the form through and locks it
        submitForm();
        assertThat(browser.text(By.id("err-t_dropouts"))).contains("不能大于");
        browser.type(By.id("f-t_dropouts"), "2");
        submitForm();
        assertThat(browser.text(By.id("form-status"))).isEqualTo("已提交");
        assertThat(browser.find(By.id("f-t_students")).isEnabled()).isFalse();
        browser.screenshot("collection-submitted");

        // the township clerk (the school's parent) returns it with a reason
        openAs("cg_clerk", formPath);
        browser.type(By.id("return-reason"), "校舍面积与房产台账不一致，请核实");
        browser.submit(By.id("form-return"));
        assertThat(browser.text(By.id("form-status"))).isEqualTo("退回修改");

        // the clerk sees why, corrects and re-submits
        openAs("school_clerk", "/collection");
        assertThat(browser.text(By.id("my-forms"))).contains("校舍面积与房产台账不一致，请核实");
        browser.click(By.id("fill-" + id + "-" + SCHOOL));
        assertThat(browser.text(By.id("return-reason-shown"))).contains("校舍面积与房产台账不一致");
        browser.type(By.id("f-t_area"), "3100");
        submitForm();
        assertThat(browser.text(By.id("form-status"))).isEqualTo("已提交");

        openAs("cg_clerk", formPath);
        browser.submit(By.id("form-approve"));
        assertThat(browser.text(By.id("form-status"))).isEqualTo("已审核");

        // the county's progress board shows it, with the export link of the round-trip
        openAs("qs_director", "/collection/tasks/" + id);
        assertThat(browser.text(By.id("count-APPROVED"))).isEqualTo("1");
        String exportHref = browser.find(By.id("task-export")).getAttribute("href");
        assertThat(exportHref).endsWith("/collection/tasks/" + id + "/export");

        byte[] exported = api.get("qs_director", "/api/collection/tasks/" + id + "/export?orgUnit=JB010101")
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        Path file = Files.createTempFile("round-trip", ".xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(exported))) {
            Sheet sheet = wb.getSheetAt(0);
            for (Row row : sheet) {
                if (row.getCell(0) != null && "JB01010104".equals(row.getCell(0).getStringCellValue())) {
                    row.createCell(2).setCellValue(777);
                }
            }
            try (var out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
        browser.open("/collection/import");
        browser.find(By.id("import-file")).sendKeys(file.toAbsolutePath().toString());
        browser.click(By.id("import-submit"));
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("import-done")));
        assertThat(browser.text(By.id("import-ok"))).contains("修改 0 项").contains("新增 1 项");
        browser.screenshot("collection-import");
        Files.deleteIfExists(file);
        String values = api.get("qs_director", "/api/data-values?orgUnit=JB01010104&period=2047&item=t_students")
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat((String) JsonPath.read(values, "$[0].value")).isEqualTo("777");
        // the approved school's data came back unchanged, so the locked form was not touched
        String locked = api.get("qs_director", "/api/data-values?orgUnit=" + SCHOOL + "&period=2047&item=t_area")
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat((String) JsonPath.read(locked, "$[0].value")).isEqualTo("3100");
    }
}
