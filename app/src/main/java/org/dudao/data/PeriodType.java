package org.dudao.data;

public enum PeriodType { YEAR, SCHOOL_YEAR, QUARTER, MONTH }
