package org.dudao.shared;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Inside the scope, but the user's roles do not allow the action. Carries a message key. */
@ResponseStatus(HttpStatus.FORBIDDEN)
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String messageKey) {
        super(messageKey);
    }
}
