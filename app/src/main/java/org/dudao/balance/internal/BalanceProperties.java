package org.dudao.balance.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code dudao.balance.*}: the per-pupil stage weights that split a combined school's resources (SPEC §4: 小学 : 初中 :
 * 高中 = 1 : 1.1 : 1.32, which gives 九年一贯制 1 : 1.1, 完全中学 1 : 1.2, 十二年一贯制 1 : 1.1 : 1.32) and the national
 * thresholds (基本均衡 小学 ≤ 0.65, 初中 ≤ 0.55; 优质均衡 小学 ≤ 0.50, 初中 ≤ 0.45).
 */
@ConfigurationProperties("dudao.balance")
public record BalanceProperties(
        @DefaultValue Weights weights, @DefaultValue Thresholds thresholds) {

    public record Weights(
            @DefaultValue("1") double primary,
            @DefaultValue("1.1") double junior,
            @DefaultValue("1.32") double senior) {}

    public record Thresholds(
            @DefaultValue("0.65") double basicPrimary,
            @DefaultValue("0.55") double basicJunior,
            @DefaultValue("0.50") double qualityPrimary,
            @DefaultValue("0.45") double qualityJunior) {}
}
