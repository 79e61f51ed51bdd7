package org.dudao.rectification.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.dudao.rectification.ItemView;

/**
 * 限期整改通知书 with its items: {@code number} is the 文号, {@code title} the project's full name, {@code issuer}
 * the 落款.
 */
public record NoticeView(
        Long id,
        String number,
        String orgUnit,
        String unitName,
        String sourceRef,
        String title,
        String issuer,
        LocalDate replyBy,
        String issuedBy,
        Instant issuedAt,
        List<ItemView> items) {}
