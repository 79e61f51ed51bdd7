package org.dudao.engine;

/** An expert's score for a MANUAL indicator; a score below full points needs a reason. */
public record ManualScore(double score, String reason) {

    public static ManualScore of(double score, String reason) {
        return new ManualScore(score, reason);
    }

    boolean hasReason() {
        return reason != null && !reason.isBlank();
    }
}
