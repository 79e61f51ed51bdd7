package org.dudao.evaluation;

import java.util.List;

/**
 * One level of a project's review chain as the API takes and shows it. {@code level} is SELF, COUNTY, CITY or
 * PROVINCE (in that order in a chain); {@code scores}: the level's expert groups score (otherwise its office only
 * checks); {@code approves}: the level approves the result; {@code publicityDays}: days of 公示 before its approval
 * (0: none); {@code certificate}: a plaque or certificate is issued; {@code approvesKinds}: the unit kinds this
 * level approves when several levels approve (empty: every kind no other level names), e.g. the city approves
 * 初中 while the county approves 小学. Missing flags read as false, missing days as 0.
 */
public record ChainLevel(
        String level,
        Boolean scores,
        Boolean approves,
        Integer publicityDays,
        Boolean certificate,
        List<String> approvesKinds) {}
