package org.dudao.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** The button walk's reading of pages: what a browser would send, and the malformed markup it refuses. */
class PageFormsTest {

    private static final String BASE = "http://localhost/items/7";

    @Test
    void findsDuplicateIdsAndStrayCopiesOfAField() {
        var page = Jsoup.parse("""
                <form id="f" method="post">
                  <input name="code" id="code"><input name="code" id="code">
                  <input type="checkbox" name="tag" value="a"><input type="checkbox" name="tag" value="b">
                  <select name="units" multiple></select><select name="units" multiple></select>
                </form>""", BASE);
        assertThat(PageForms.duplicateIds(page)).containsExactly("code");
        assertThat(PageForms.duplicateControls(page)).containsExactly("form#f code");
    }

    @Test
    void sendsEachButtonWithTheFormsValuesAsABrowserDoes() {
        var page = Jsoup.parse("""
                <form method="post" action="/items/7/x">
                  <input type="hidden" name="_csrf" value="t"><input name="text" value="hi">
                  <input name="off" value="no" disabled>
                  <input type="checkbox" name="c1" checked><input type="checkbox" name="c2" value="x">
                  <select name="s"><option value="a">A</option><option value="b" selected>B</option></select>
                  <textarea name="t">body</textarea>
                  <button formaction="/items/7/close">close</button>
                  <button name="action" value="reject">reject</button>
                  <button type="button">not a submit</button>
                </form>""", BASE);
        var sent = PageForms.submissions(page, BASE);
        assertThat(sent).hasSize(2);
        assertThat(sent.get(0).url()).isEqualTo("http://localhost/items/7/close");
        assertThat(sent.get(0).params())
                .containsExactly(
                        Map.entry("text", "hi"), Map.entry("c1", "on"), Map.entry("s", "b"), Map.entry("t", "body"));
        assertThat(sent.get(1).url()).isEqualTo("http://localhost/items/7/x");
        assertThat(sent.get(1).params()).endsWith(Map.entry("action", "reject"));
    }

    @Test
    void aLockedFormWithoutButtonsCannotBeSentButAOneFieldFormCan() {
        var page = Jsoup.parse("""
                <form method="post" action="/a"><input name="x" disabled><input name="y" disabled></form>
                <form method="post" action="/b"><input name="q"></form>
                <form action="/search"><input name="q"><button>search</button></form>
                <div hx-post="/c" name="v"></div>""", BASE);
        var sent = PageForms.submissions(page, BASE);
        assertThat(sent)
                .extracting(PageForms.Submission::url)
                .containsExactly("http://localhost/b", "http://localhost/c");
        assertThat(sent.get(1).htmx()).isTrue();
    }
}
