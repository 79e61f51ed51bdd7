package org.dudao.shared.web;

import org.dudao.shared.FieldProblem;
import org.dudao.shared.InvalidInputException;
import org.springframework.validation.BindingResult;

/** Puts a service's field problems next to the form fields (messages are resolved by the page's locale). */
public final class FormErrors {

    private FormErrors() {}

    public static void bind(InvalidInputException e, BindingResult result) {
        for (FieldProblem p : e.problems()) {
            String field = p.field();
            if (result.getFieldType(field) == null && !field.contains("[")) {
                result.reject(p.message(), p.args(), p.message());
            } else {
                try {
                    result.rejectValue(field, p.message(), p.args(), p.message());
                } catch (RuntimeException notAField) {
                    result.reject(p.message(), p.args(), p.message());
                }
            }
        }
    }
}
