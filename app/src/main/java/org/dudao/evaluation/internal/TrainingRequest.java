package org.dudao.evaluation.internal;

import java.math.BigDecimal;

/** A training an expert attended: {@code date} yyyy-MM-dd, the course, the hours (0.5 to 200). */
public record TrainingRequest(String date, String course, BigDecimal hours) {}
