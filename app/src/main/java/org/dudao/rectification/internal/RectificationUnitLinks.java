package org.dudao.rectification.internal;

import java.util.Comparator;
import java.util.List;
import org.dudao.rectification.ItemFilter;
import org.dudao.rectification.ItemView;
import org.dudao.rectification.Rectifications;
import org.dudao.shared.UnitLinks;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/** The unit page's rectification items: those not yet 已销号 first (逾期 marked), leading to the filtered list. */
@Component
class RectificationUnitLinks implements UnitLinks {

    /** How many items the unit page lists; the rest are one click away. */
    static final int SHOWN = 10;

    private final Rectifications rectifications;
    private final MessageSource messages;

    RectificationUnitLinks(Rectifications rectifications, MessageSource messages) {
        this.rectifications = rectifications;
        this.messages = messages;
    }

    @Override
    public Section section(String unitCode) {
        List<ItemView> items = rectifications.list(new ItemFilter(unitCode, null, null, null, null, null, null));
        if (items.isEmpty()) {
            return null;
        }
        List<Link> links = items.stream()
                .sorted(Comparator.comparing((ItemView i) -> "CLOSED".equals(i.status()))
                        .thenComparing(i -> !i.overdue()))
                .limit(SHOWN)
                .map(i -> new Link(
                        i.problem(),
                        (i.orgUnit().equals(unitCode) ? "" : i.unitName() + " · ")
                                + text("rectification.status." + i.status())
                                + (i.overdue() ? " · " + text("rectification.overdue") : "")
                                + (i.deadline() == null ? "" : " · " + i.deadline()),
                        "/rectification/" + i.id(),
                        i.overdue()))
                .toList();
        String all = UriComponentsBuilder.fromPath("/rectification")
                .queryParam("unit", unitCode)
                .encode()
                .toUriString();
        return new Section("unit-rectification", "rectification.title", 30, links, items.size(), all);
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
