package org.dudao.evaluation.internal;

import java.util.List;

/**
 * An on-site check of a sampled file: {@code counted} pupils counted on site (抽查清点在校学生, optional), and
 * {@code corrections} of reported figures, each an item of the project's scheme (or enrolment), the value found
 * and the reason.
 */
public record OnsiteRequest(Integer counted, String note, List<Correction> corrections) {

    public record Correction(String item, String value, String reason) {}
}
