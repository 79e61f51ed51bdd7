package org.dudao.collection.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dudao.shared.FieldProblem;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Messages in the request's language for the collection screens. */
@Component
class WebTexts {

    private final MessageSource messages;

    WebTexts(MessageSource messages) {
        this.messages = messages;
    }

    String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    /** One message per field; several problems of a field are joined. */
    Map<String, String> byField(List<FieldProblem> problems) {
        Map<String, String> result = new LinkedHashMap<>();
        for (FieldProblem p : problems) {
            result.merge(p.field(), text(p.message(), p.args()), (a, b) -> a + "；" + b);
        }
        return result;
    }
}
