package org.dudao.engine;

/** 一票否决: when the condition holds, the grade is capped at {@code capAt} whatever the score. */
public record VetoDef(String code, String name, Condition when, String capAt) {}
