package org.dudao.security;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * What a browser would send for the writes a page offers: every POST form once per submit button (its
 * {@code formaction}, {@code formmethod}, {@code formenctype} and name/value), and every htmx element that
 * posts, with the values of its form. Also finds the malformed markup the button walk refuses.
 */
final class PageForms {

    /** One request a click would send; {@code files} are the names of file inputs, sent empty. */
    record Submission(
            String method,
            String url,
            boolean multipart,
            boolean htmx,
            List<Map.Entry<String, String>> params,
            List<String> files,
            String label) {}

    private static final Set<String> NOT_SENT = Set.of("submit", "button", "image", "reset");
    private static final Set<String> MAY_REPEAT = Set.of("checkbox", "radio", "submit", "button", "image", "reset");

    private static final Set<String> TEXT_LIKE = Set.of(
            "",
            "text",
            "search",
            "url",
            "tel",
            "email",
            "password",
            "date",
            "month",
            "week",
            "time",
            "datetime-local",
            "number");

    private PageForms() {}

    /** The writes on the page: POST forms per button, and hx-post/put/patch/delete elements. */
    static List<Submission> submissions(Document page, String pageUrl) {
        return submissions(page, pageUrl, null);
    }

    /**
     * As {@link #submissions(Document, String)}, but with the empty fields filled in as a user would before
     * pressing (a number, a date {@code typed} or later, a short text), so the write passes its checks of the
     * input and reaches the role check behind them; {@code typed} null sends the fields as rendered.
     */
    static List<Submission> submissions(Document page, String pageUrl, LocalDate typed) {
        List<Submission> out = new ArrayList<>();
        for (Element form : page.select("form")) {
            String method = form.attr("method").isBlank() ? "get" : form.attr("method");
            List<Element> buttons = buttons(page, form);
            if (buttons.isEmpty()) {
                if (method.equalsIgnoreCase("post") && implicitlySubmitted(page, form)) {
                    out.add(submission(page, form, null, pageUrl, typed));
                }
                continue;
            }
            for (Element button : buttons) {
                String m = button.hasAttr("formmethod") ? button.attr("formmethod") : method;
                if (m.equalsIgnoreCase("post")) {
                    out.add(submission(page, form, button, pageUrl, typed));
                }
            }
        }
        for (Element el : page.select("[hx-post], [hx-put], [hx-patch], [hx-delete]")) {
            String method = el.hasAttr("hx-post")
                    ? "post"
                    : el.hasAttr("hx-put") ? "put" : el.hasAttr("hx-patch") ? "patch" : "delete";
            Element form = el.tagName().equals("form") ? el : el.closest("form");
            var params = new ArrayList<Map.Entry<String, String>>();
            var files = new ArrayList<String>();
            if (form != null) {
                values(page, form, params, files, typed);
            } else if (el.hasAttr("name")) {
                params.add(Map.entry(el.attr("name"), el.val()));
            }
            String url = absolute(el, "hx-" + method, pageUrl);
            out.add(new Submission(method, url, false, true, params, files, describe(el)));
        }
        return out;
    }

    /** Element ids used more than once on the page. */
    static Set<String> duplicateIds(Document page) {
        Map<String, Integer> seen = new HashMap<>();
        for (Element el : page.select("[id]")) {
            seen.merge(el.id(), 1, Integer::sum);
        }
        Set<String> twice = new LinkedHashSet<>();
        seen.forEach((id, n) -> {
            if (n > 1) {
                twice.add(id);
            }
        });
        return twice;
    }

    /** Control names rendered twice in one form, where the form expects one value (not boxes, radios, lists). */
    static Set<String> duplicateControls(Document page) {
        Set<String> twice = new LinkedHashSet<>();
        for (Element form : page.select("form")) {
            Set<String> seen = new HashSet<>();
            for (Element c : controls(page, form)) {
                if (c.attr("name").isEmpty()
                        || MAY_REPEAT.contains(c.attr("type").toLowerCase())
                        || c.tagName().equals("button")
                        || (c.tagName().equals("select") && c.hasAttr("multiple"))) {
                    continue;
                }
                if (!seen.add(c.attr("name"))) {
                    twice.add(describe(form) + " " + c.attr("name"));
                }
            }
        }
        return twice;
    }

    private static Submission submission(Document page, Element form, Element button, String pageUrl, LocalDate typed) {
        var params = new ArrayList<Map.Entry<String, String>>();
        var files = new ArrayList<String>();
        values(page, form, params, files, typed);
        String url = button != null && button.hasAttr("formaction")
                ? absolute(button, "formaction", pageUrl)
                : absolute(form, "action", pageUrl);
        String enctype =
                button != null && button.hasAttr("formenctype") ? button.attr("formenctype") : form.attr("enctype");
        if (button != null && !button.attr("name").isEmpty()) {
            params.add(Map.entry(button.attr("name"), button.val()));
        }
        boolean multipart = enctype.equalsIgnoreCase("multipart/form-data");
        String label = describe(form) + (button == null ? "" : " → " + describe(button));
        return new Submission("post", url, multipart, false, params, multipart ? files : List.of(), label);
    }

    /** The successful controls of the form as a browser reads them; the CSRF field is left to the caller. */
    private static void values(
            Document page, Element form, List<Map.Entry<String, String>> params, List<String> files, LocalDate typed) {
        for (Element c : controls(page, form)) {
            String name = c.attr("name");
            String type = c.attr("type").toLowerCase();
            if (name.isEmpty()
                    || name.equals("_csrf")
                    || c.hasAttr("disabled")
                    || c.tagName().equals("button")) {
                continue;
            }
            switch (c.tagName()) {
                case "select" -> {
                    Elements chosen = c.select("option[selected]");
                    if (chosen.isEmpty()
                            && !c.hasAttr("multiple")
                            && !c.select("option").isEmpty()) {
                        chosen = new Elements(c.select("option").first());
                    }
                    chosen.forEach(o -> params.add(Map.entry(name, o.hasAttr("value") ? o.attr("value") : o.text())));
                }
                case "textarea" -> params.add(Map.entry(name, typed(c, c.wholeText(), typed)));
                default -> {
                    if (type.equals("file")) {
                        files.add(name);
                    } else if (type.equals("checkbox") || type.equals("radio")) {
                        if (c.hasAttr("checked")) {
                            params.add(Map.entry(name, c.hasAttr("value") ? c.attr("value") : "on"));
                        }
                    } else if (!NOT_SENT.contains(type)) {
                        params.add(Map.entry(name, typed(c, c.attr("value"), typed)));
                    }
                }
            }
        }
    }

    /** What a user would type into an empty visible field; hidden and search fields stay as they are. */
    private static String typed(Element c, String value, LocalDate typed) {
        String type = c.attr("type").toLowerCase();
        if (typed == null || !value.isEmpty() || type.equals("hidden") || type.equals("search")) {
            return value;
        }
        String name = c.attr("name").toLowerCase();
        String hint = c.attr("placeholder").toLowerCase();
        if (type.equals("date") || hint.contains("yyyy") || name.contains("date") || name.contains("deadline")) {
            return typed.toString();
        }
        if (type.equals("number") || type.equals("range") || c.hasAttr("inputmode")) {
            return "1";
        }
        return switch (type) {
            case "email" -> "walk@example.cn";
            case "password" -> "Walk-2026-pass";
            default -> "按钮巡检";
        };
    }

    /** The form's controls, including those outside it that name it with {@code form="id"}. */
    private static List<Element> controls(Document page, Element form) {
        List<Element> all = new ArrayList<>(form.select("input, select, textarea, button"));
        if (!form.id().isEmpty()) {
            for (Element c : page.select("input, select, textarea, button")) {
                if (c.attr("form").equals(form.id()) && !all.contains(c)) {
                    all.add(c);
                }
            }
        }
        return all;
    }

    /**
     * A form without a submit button is sent by Enter only when it has exactly one text field (HTML's implicit
     * submission) and that field is enabled; a locked form, all fields disabled and no button, cannot be sent.
     */
    private static boolean implicitlySubmitted(Document page, Element form) {
        List<Element> fields = controls(page, form).stream()
                .filter(c -> c.tagName().equals("input")
                        && TEXT_LIKE.contains(c.attr("type").toLowerCase()))
                .toList();
        return fields.size() == 1 && !fields.get(0).hasAttr("disabled");
    }

    private static List<Element> buttons(Document page, Element form) {
        List<Element> buttons = new ArrayList<>();
        for (Element c : controls(page, form)) {
            String type = c.attr("type").toLowerCase();
            boolean submits = c.tagName().equals("button")
                    ? !type.equals("button") && !type.equals("reset")
                    : c.tagName().equals("input") && (type.equals("submit") || type.equals("image"));
            if (submits && !c.hasAttr("disabled")) {
                buttons.add(c);
            }
        }
        return buttons;
    }

    private static String absolute(Element el, String attr, String pageUrl) {
        String raw = el.attr(attr).trim();
        return raw.isEmpty() ? pageUrl : el.absUrl(attr);
    }

    private static String describe(Element el) {
        String text = el.tagName().equals("form") ? "" : el.text().trim();
        return el.tagName() + (el.id().isEmpty() ? "" : "#" + el.id()) + (text.isEmpty() ? "" : "「" + text + "」");
    }
}
