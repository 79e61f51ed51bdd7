package org.dudao.home.internal;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.dudao.shared.Todo;
import org.dudao.shared.TodoSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;

/**
 * The 工作台: the signed-in user's 待办 gathered from every feature's {@link TodoSource}, overdue first, then by
 * the nearest deadline (none last), with titles in the user's language.
 */
@Service
public class Workbench {

    /** One entry as the screen and {@code GET /api/me/todos} show it. */
    public record Item(String kind, String title, long count, LocalDate deadline, boolean overdue, String link) {}

    private static final Comparator<Item> ORDER = Comparator.comparing(Item::overdue)
            .reversed()
            .thenComparing(Item::deadline, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Item::kind)
            .thenComparing(Item::title);

    private final ObjectProvider<TodoSource> sources;
    private final MessageSource messages;

    Workbench(ObjectProvider<TodoSource> sources, MessageSource messages) {
        this.sources = sources;
        this.messages = messages;
    }

    public List<Item> todos() {
        return sources.orderedStream()
                .flatMap(s -> s.todos().stream())
                .filter(t -> t.count() > 0)
                .map(this::item)
                .sorted(ORDER)
                .toList();
    }

    private Item item(Todo t) {
        String title = messages.getMessage(t.messageKey(), t.args().toArray(), LocaleContextHolder.getLocale());
        return new Item(t.kind(), title, t.count(), t.deadline(), t.overdue(), t.link());
    }
}
