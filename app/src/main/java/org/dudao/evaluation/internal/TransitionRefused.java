package org.dudao.evaluation.internal;

/** A transition the workflow does not allow; carries the message key and its arguments. */
public class TransitionRefused extends RuntimeException {

    private final transient Object[] args;

    public TransitionRefused(String messageKey, Object... args) {
        super(messageKey);
        this.args = args;
    }

    public Object[] args() {
        return args;
    }
}
