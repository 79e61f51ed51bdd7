package org.dudao.engine;

/**
 * One thing wrong with a scheme or an input, named by its path in the JSON (e.g.
 * {@code indicators[2].children[0].points}) with a message for the scheme owner.
 */
public record SchemeProblem(String path, String message) {}
