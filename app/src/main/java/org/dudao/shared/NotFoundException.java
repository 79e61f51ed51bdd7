package org.dudao.shared;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Unknown id, or an object outside the user's scope (its existence is not revealed). */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class NotFoundException extends RuntimeException {

    private final String what;

    public NotFoundException(String what) {
        super("not found: " + what);
        this.what = what;
    }

    public String what() {
        return what;
    }
}
