package org.dudao.evaluation.internal;

import java.util.List;
import java.util.Map;
import org.dudao.evaluation.ManualEntry;

/** A manual score sheet as sent by a school (self-evaluation) or an expert, with comments and evidence ids. */
public record ScoreSheet(Map<String, ManualEntry> manual, String comment, String findings, List<Long> evidence) {}
