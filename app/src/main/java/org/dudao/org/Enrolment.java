package org.dudao.org;

/** In-school pupils per stage (在校生数) for one year; null where a stage does not apply or is unknown. */
public record Enrolment(Integer primary, Integer junior, Integer senior) {

    public static final Enrolment NONE = new Enrolment(null, null, null);

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isEmpty() {
        return primary == null && junior == null && senior == null;
    }
}
