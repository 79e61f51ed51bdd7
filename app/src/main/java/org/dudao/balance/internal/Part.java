package org.dudao.balance.internal;

import org.dudao.org.OrgUnitRef;

/**
 * One school, or one stage's part of a combined school, counted in a stage's statistics: its pupils of the stage and
 * its share of each indicator's resource (by {@link Indicator#ordinal()}; NaN where the value is missing).
 */
record Part(OrgUnitRef school, boolean split, double pupils, double[] resources) {}
