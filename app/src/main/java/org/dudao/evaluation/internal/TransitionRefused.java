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

    /** Refused because the user does not act in a capacity that may take this step. */
    public boolean forRole() {
        return "evaluation.refused.role".equals(getMessage());
    }
}
