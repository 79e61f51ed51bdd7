package org.dudao.evaluation.internal;

import java.util.List;
import java.util.Map;
import org.dudao.evaluation.ManualEntry;

/**
 * A manual score sheet as sent by a school (self-evaluation) or an expert, with comments and evidence ids.
 * {@code version}: for the self-evaluation, the file's version read (409 when the file changed meanwhile).
 */
public record ScoreSheet(
        Map<String, ManualEntry> manual, String comment, String findings, List<Long> evidence, Integer version) {

    public ScoreSheet(Map<String, ManualEntry> manual, String comment, String findings, List<Long> evidence) {
        this(manual, comment, findings, evidence, null);
    }
}
