package org.dudao.org;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.dudao.support.Api;
import org.dudao.support.DudaoTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@DudaoTest
class OrgUnitApiTest {

    @Autowired
    MockMvc mvc;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
    }

    @Test
    void readsAUnitInTheContractShape() throws Exception {
        api.get("qs_director", "/api/org-units/JB01010101")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.code").value("JB01010101"))
                .andExpect(jsonPath("$.name").value("城关中心小学"))
                .andExpect(jsonPath("$.kind").value("小学"))
                .andExpect(jsonPath("$.parentCode").value("JB010101"))
                .andExpect(jsonPath("$.path").value("/JB/JB01/JB0101/JB010101/JB01010101/"))
                .andExpect(jsonPath("$.enrolment.primary").isNumber())
                .andExpect(jsonPath("$.enrolment.junior").doesNotExist());
    }

    @Test
    void listsChildrenAndScopeRoots() throws Exception {
        api.get("qs_director", "/api/org-units?parent=JB0101")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].code", hasItem("JB010101")))
                .andExpect(jsonPath("$[*].code", not(hasItem("JB010201"))));
        // without a parent: the top of the caller's own scope
        api.get("qs_director", "/api/org-units")
                .andExpect(jsonPath("$[0].code").value("JB0101"))
                .andExpect(jsonPath("$.length()").value(1));
        api.get("school_clerk", "/api/org-units")
                .andExpect(jsonPath("$[0].code").value("JB01010101"));
    }

    @Test
    void createsUpdatesMovesAndDeletes() throws Exception {
        api.post("qs_director", "/api/org-units", """
                {"code":"T-CRUD-1","name":"测试小学","kind":"小学","parentCode":"JB010102",
                 "enrolment":{"primary":420}}""")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.path").value("/JB/JB01/JB0101/JB010102/T-CRUD-1/"))
                .andExpect(jsonPath("$.enrolment.primary").value(420));
        api.put("qs_director", "/api/org-units/T-CRUD-1", """
                {"name":"测试小学（新校区）","kind":"九年一贯制学校","enrolment":{"primary":400,"junior":150}}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kind").value("九年一贯制学校"))
                .andExpect(jsonPath("$.enrolment.junior").value(150));
        api.post("qs_director", "/api/org-units/T-CRUD-1/move", "{\"parentCode\":\"JB010103\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.parentCode").value("JB010103"))
                .andExpect(jsonPath("$.path").value("/JB/JB01/JB0101/JB010103/T-CRUD-1/"));
        // a unit with data (enrolment) is refused with the reason
        api.delete("qs_director", "/api/org-units/T-CRUD-1")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("已有填报数据")));
        api.post("qs_director", "/api/org-units", """
                {"code":"T-CRUD-2","name":"测试村","kind":"村","parentCode":"JB010103"}""").andExpect(status().isCreated());
        api.delete("qs_director", "/api/org-units/T-CRUD-2").andExpect(status().isNoContent());
        api.get("qs_director", "/api/org-units/T-CRUD-2").andExpect(status().isNotFound());
    }

    @Test
    void refusesDeletingANodeWithChildren() throws Exception {
        api.delete("qs_director", "/api/org-units/JB010101")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("下级单位")));
    }

    @Test
    void movingASubtreeRewritesEveryDescendantPath() throws Exception {
        api.post("qs_director", "/api/org-units", """
                {"code":"T-MV-T","name":"测试镇","kind":"乡镇","parentCode":"JB0101"}""").andExpect(status().isCreated());
        api.post("qs_director", "/api/org-units", """
                {"code":"T-MV-S","name":"测试镇小学","kind":"小学","parentCode":"T-MV-T"}""").andExpect(status().isCreated());
        api.post("admin", "/api/org-units/T-MV-T/move", "{\"parentCode\":\"JB0102\"}")
                .andExpect(status().isOk());
        api.get("admin", "/api/org-units/T-MV-S").andExpect(jsonPath("$.path").value("/JB/JB01/JB0102/T-MV-T/T-MV-S/"));
        // now outside the Qingshan director's scope
        api.get("qs_director", "/api/org-units/T-MV-S").andExpect(status().isNotFound());
        api.get("dh_director", "/api/org-units/T-MV-S").andExpect(status().isOk());
    }

    @Test
    void refusesMovesIntoItselfOrAcrossLevels() throws Exception {
        api.post("qs_director", "/api/org-units/JB010101/move", "{\"parentCode\":\"JB01010101\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("parentCode"));
        api.post("qs_director", "/api/org-units/JB010101/move", "{\"parentCode\":\"JB010102\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message", containsString("不能直接隶属于")));
    }

    @Test
    void badInputNamesEveryField() throws Exception {
        api.post("qs_director", "/api/org-units", """
                {"code":"bad code","kind":"学校","parentCode":"JB0101","enrolment":{"primary":-5}}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("请求有误"))
                .andExpect(jsonPath("$.errors[*].field", hasItem("code")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("name")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("kind")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("enrolment.primary")));
        api.post("qs_director", "/api/org-units", "{\"code\": 12,")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("无法解析请求内容，请检查格式"));
        api.post("qs_director", "/api/org-units", """
                {"code":"JB0101","name":"重复","kind":"乡镇","parentCode":"JB0101"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message", containsString("已被使用")));
        api.get("qs_director", "/api/org-units/NO-SUCH")
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.status").value(404));
        api.get("qs_director", "/api/org-units/search?page=abc")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("page"));
    }

    @Test
    void roleWithoutEditRightsGets403InsideScopeAnd404Outside() throws Exception {
        api.put("school_clerk", "/api/org-units/JB01010101", "{\"name\":\"改名\",\"kind\":\"小学\"}")
                .andExpect(status().isForbidden());
        api.put("qs_director", "/api/org-units/JB010201", "{\"name\":\"改名\",\"kind\":\"街道\"}")
                .andExpect(status().isNotFound());
        api.get("public", "/api/org-units/JB").andExpect(status().isNotFound());
        api.get(null, "/api/org-units/JB").andExpect(status().isUnauthorized());
    }

    @Test
    void staleVersionIsAConflict() throws Exception {
        api.post("qs_director", "/api/org-units", """
                {"code":"T-VER","name":"版本测试村","kind":"村","parentCode":"JB010104"}""").andExpect(status().isCreated());
        api.put("qs_director", "/api/org-units/T-VER", "{\"name\":\"A\",\"kind\":\"村\",\"version\":0}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("已被他人修改")));
    }

    @Test
    void searchPagesAndSortsInsideScope() throws Exception {
        api.get("qs_director", "/api/org-units/search?kind=小学&size=5&sort=name&dir=desc")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content.length()").value(5))
                .andExpect(jsonPath("$.content[*].path", not(hasItem(containsString("/JB0102/")))))
                .andExpect(jsonPath("$.totalElements").isNumber());
        api.get("qs_director", "/api/org-units/search?kind=火星").andExpect(status().isBadRequest());
    }
}
