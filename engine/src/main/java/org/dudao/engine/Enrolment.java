package org.dudao.engine;

/** 在校生 per stage; per-pupil indicators and combined-school rules depend on it. */
public record Enrolment(int primary, int junior, int senior) {

    public static final Enrolment NONE = new Enrolment(0, 0, 0);

    public int total() {
        return primary + junior + senior;
    }
}
