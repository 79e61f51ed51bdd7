package org.dudao.scheme.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dudao.engine.SchoolType;
import org.dudao.scheme.SchemeDoc;
import org.dudao.scheme.SchemeFiles;
import org.dudao.scheme.Schemes;
import org.dudao.scheme.internal.SchemeEditor;
import org.dudao.scheme.internal.SchemeScoring;
import org.dudao.scheme.internal.WhatIfResult;
import org.dudao.shared.ConflictException;
import org.dudao.shared.FieldProblem;
import org.dudao.shared.InvalidInputException;
import org.dudao.shared.MenuEntry;
import org.dudao.shared.Role;
import org.dudao.shared.web.Downloads;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Screens of evaluation schemes: the list with import, a scheme with its versions, the tree editor (a page
 * script that checks and saves through JSON endpoints of this controller, with the session and CSRF token),
 * and the what-if form that starts from a chosen unit's stored values.
 */
@Controller
class SchemeController {

    private final Schemes schemes;
    private final SchemeEditor editor;
    private final SchemeFiles files;
    private final SchemeScoring scoring;
    private final MessageSource messages;

    SchemeController(
            Schemes schemes, SchemeEditor editor, SchemeFiles files, SchemeScoring scoring, MessageSource messages) {
        this.schemes = schemes;
        this.editor = editor;
        this.files = files;
        this.scoring = scoring;
        this.messages = messages;
    }

    @Bean
    static MenuEntry schemeMenu() {
        return new MenuEntry("nav.section.evaluation", "scheme.title", "/schemes", 290, Role.STAFF);
    }

    // ---- list, detail, files ------------------------------------------------------------------------------

    @GetMapping("/schemes")
    String list(Model model) {
        model.addAttribute("schemes", schemes.list());
        model.addAttribute("mayCreate", schemes.canCreate());
        return "scheme/list";
    }

    @GetMapping("/schemes/{code}")
    String detail(@PathVariable String code, @RequestParam(required = false) Integer version, Model model) {
        SchemeDoc doc = schemes.version(code, version);
        model.addAttribute("scheme", doc);
        model.addAttribute("rows", TreeRow.of(doc));
        model.addAttribute("versions", schemes.versions(code));
        model.addAttribute("canEdit", schemes.canEdit(code));
        // a clone is a new scheme of the user's office: offered to those who may create schemes
        model.addAttribute("mayCreate", schemes.canCreate());
        model.addAttribute("items", schemes.items(itemCodes(doc)));
        return "scheme/detail";
    }

    @PostMapping("/schemes/{code}/versions/{version}/lock")
    String lock(@PathVariable String code, @PathVariable int version, RedirectAttributes redirect) {
        editor.lock(code, version);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/schemes/" + code + "?version=" + version;
    }

    @PostMapping("/schemes/{code}/clone")
    String cloneScheme(
            @PathVariable String code,
            @RequestParam(required = false) String newCode,
            @RequestParam(required = false) String newName,
            @RequestParam(required = false) Integer version,
            RedirectAttributes redirect) {
        try {
            SchemeDoc copy = editor.cloneScheme(code, version, newCode, newName, null);
            redirect.addFlashAttribute("saved", true);
            return "redirect:/schemes/" + copy.code();
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("failures", texts(e.problems()));
            return "redirect:/schemes/" + code;
        }
    }

    @GetMapping("/schemes/{code}/export.json")
    ResponseEntity<byte[]> exportJson(@PathVariable String code, @RequestParam(required = false) Integer version) {
        return file(files.exportJson(code, version), code, version, "json", MediaType.APPLICATION_JSON);
    }

    @GetMapping("/schemes/{code}/export.xlsx")
    ResponseEntity<byte[]> exportExcel(@PathVariable String code, @RequestParam(required = false) Integer version) {
        return file(files.exportExcel(code, version), code, version, "xlsx", Downloads.XLSX);
    }

    @PostMapping("/schemes/import")
    String importFile(@RequestParam(value = "file", required = false) MultipartFile file, RedirectAttributes redirect)
            throws IOException {
        try {
            SchemeDoc doc = files.importFile(file == null ? null : file.getBytes(), null);
            redirect.addFlashAttribute("saved", true);
            return "redirect:/schemes/" + doc.code();
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("failures", texts(e.problems()));
            return "redirect:/schemes";
        }
    }

    // ---- editor -------------------------------------------------------------------------------------------

    @GetMapping("/schemes/new")
    String create(Model model) {
        SchemeDoc blank = new SchemeDoc(
                "",
                "",
                100.0,
                List.of(
                        new SchemeDoc.Grade(text("scheme.default.grade-pass"), 60.0, null),
                        new SchemeDoc.Grade(text("scheme.default.grade-fail"), 0.0, null)),
                List.of(),
                List.of(),
                null,
                null,
                null,
                null,
                null,
                null);
        return editor(blank, true, model);
    }

    @GetMapping("/schemes/{code}/edit")
    String edit(@PathVariable String code, @RequestParam(required = false) Integer version, Model model) {
        SchemeDoc doc = schemes.version(code, version);
        if (!schemes.canEdit(code)) {
            throw new org.dudao.shared.ForbiddenException("error.forbidden");
        }
        return editor(doc, false, model);
    }

    private String editor(SchemeDoc doc, boolean creating, Model model) {
        model.addAttribute("scheme", doc);
        model.addAttribute("creating", creating);
        model.addAttribute("dataItems", schemes.items());
        return "scheme/editor";
    }

    /** The editor's live check: every problem, with the JSON path of its field. */
    @PostMapping(path = "/schemes/check", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    SchemeEditor.Check check(@RequestBody SchemeDoc doc) {
        return editor.check(doc);
    }

    /** Saves the edited scheme as a new version; 400 with the problems, else where to go next. */
    @PostMapping(path = "/schemes/save", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<Map<String, Object>> save(@RequestBody SchemeDoc doc) {
        try {
            SchemeDoc saved = editor.save(doc);
            return ResponseEntity.ok(
                    Map.of("code", saved.code(), "version", saved.version(), "url", "/schemes/" + saved.code()));
        } catch (InvalidInputException e) {
            List<Map<String, String>> errors = new ArrayList<>();
            for (FieldProblem p : e.problems()) {
                errors.add(Map.of("field", p.field(), "message", text(p.message(), p.args())));
            }
            return ResponseEntity.badRequest().body(Map.of("errors", errors));
        } catch (ConflictException e) {
            return ResponseEntity.status(409)
                    .body(Map.of("errors", List.of(Map.of("field", "", "message", text(e.getMessage(), e.args())))));
        }
    }

    // ---- what-if ------------------------------------------------------------------------------------------

    @GetMapping("/schemes/{code}/whatif")
    String whatIf(
            @PathVariable String code,
            @RequestParam(required = false) Integer version,
            @RequestParam(required = false) String unit,
            @RequestParam(required = false) String period,
            Model model) {
        SchemeDoc doc = schemes.version(code, version);
        WhatIfForm form = WhatIfForm.blank(doc);
        if (unit != null && !unit.isBlank()) {
            try {
                form = WhatIfForm.of(doc, scoring.prefill(code, doc.version(), unit, period));
            } catch (org.dudao.shared.NotFoundException e) {
                model.addAttribute("failures", List.of(text("scheme.whatif.unit-unknown", unit)));
                form = WhatIfForm.blank(doc);
                form.unit = unit;
            }
        }
        return whatIfPage(doc, form, null, model);
    }

    @PostMapping("/schemes/{code}/whatif")
    String runWhatIf(
            @PathVariable String code,
            @RequestParam(required = false) Integer version,
            @RequestParam MultiValueMap<String, String> params,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            Model model) {
        SchemeDoc doc = schemes.version(code, version);
        WhatIfForm form = WhatIfForm.from(doc, params);
        WhatIfResult result = null;
        try {
            result = scoring.score(code, doc.version(), form.toRequest());
        } catch (InvalidInputException e) {
            model.addAttribute("failures", texts(e.problems()));
        }
        whatIfPage(doc, form, result, model);
        return htmx != null ? "scheme/whatif :: result" : "scheme/whatif";
    }

    private String whatIfPage(SchemeDoc doc, WhatIfForm form, WhatIfResult result, Model model) {
        model.addAttribute("scheme", doc);
        model.addAttribute("form", form);
        model.addAttribute("result", result);
        model.addAttribute("kinds", SchoolType.values());
        model.addAttribute("items", schemes.items(itemCodes(doc)));
        if (result != null) {
            Map<String, Schemes.ItemInfo> items = schemes.items(result.missingItems());
            model.addAttribute(
                    "missingNames",
                    String.join(
                            ", ",
                            result.missingItems().stream()
                                    .map(i ->
                                            items.containsKey(i) ? items.get(i).name() : i)
                                    .toList()));
        }
        model.addAttribute(
                "manualLeaves",
                TreeRow.of(doc).stream()
                        .filter(r -> "MANUAL".equals(r.ruleType()))
                        .toList());
        return "scheme/whatif";
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    /** Leaf and veto items in tree order, without duplicates. */
    static List<String> itemCodes(SchemeDoc doc) {
        Map<String, Boolean> codes = new LinkedHashMap<>();
        for (TreeRow r : TreeRow.of(doc)) {
            if (r.item() != null && !"MANUAL".equals(r.ruleType())) codes.put(r.item(), true);
        }
        if (doc.vetoes() != null) {
            doc.vetoes().stream()
                    .filter(v -> v.when() != null && v.when().item() != null)
                    .forEach(v -> codes.put(v.when().item(), true));
        }
        return new ArrayList<>(codes.keySet());
    }

    private List<String> texts(List<FieldProblem> problems) {
        return problems.stream()
                .map(p -> {
                    String m = text(p.message(), p.args());
                    return p.field() == null || p.field().isBlank() || p.field().equals("file")
                            ? m
                            : p.field() + "：" + m;
                })
                .toList();
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    private static ResponseEntity<byte[]> file(byte[] body, String code, Integer version, String ext, MediaType type) {
        String name = (code + (version == null ? "" : "-v" + version)).replaceAll("[^A-Za-z0-9_.-]", "_") + "." + ext;
        return Downloads.file(name, type, body);
    }
}
