package org.dudao.shared;

import java.util.Set;

/**
 * A left-navigation entry. Each feature declares its entries as beans, so a new module adds itself to the
 * menu without touching the layout. Shown to users holding one of {@code roles}.
 */
public record MenuEntry(String sectionKey, String labelKey, String href, int order, Set<Role> roles) {}
