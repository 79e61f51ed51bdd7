package org.dudao.inspection;

/**
 * A briefing to compose ({@code office}, {@code title}, the period {@code from}–{@code until}, yyyy-MM-dd: the text
 * is drafted from its visits and findings) or to edit while a draft ({@code title}, {@code body},
 * {@code distribution}, {@code version}).
 */
public record BriefingRequest(
        String office, String title, String from, String until, String body, String distribution, Integer version) {}
