package org.dudao.shared.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.dudao.shared.ConflictException;
import org.dudao.shared.FieldProblem;
import org.dudao.shared.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A service's refusal as messages by field (shown next to the fields after the redirect), in the page's language. */
public final class FormFailures {

    private FormFailures() {}

    public static void flash(
            InvalidInputException e, MessageSource messages, Locale locale, RedirectAttributes redirect) {
        redirect.addFlashAttribute("errors", messages(e, messages, locale));
    }

    /** The problems by field, several of one field joined. */
    public static Map<String, String> messages(InvalidInputException e, MessageSource messages, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldProblem p : e.problems()) {
            errors.merge(
                    p.field(), messages.getMessage(p.message(), p.args(), p.message(), locale), (a, b) -> a + "；" + b);
        }
        return errors;
    }

    public static void flash(ConflictException e, MessageSource messages, Locale locale, RedirectAttributes redirect) {
        redirect.addFlashAttribute("failure", messages.getMessage(e.getMessage(), e.args(), e.getMessage(), locale));
    }
}
