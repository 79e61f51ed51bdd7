package org.dudao.collection.internal;

import jakarta.persistence.Embeddable;

/** One field of a task's form: the item and the section it is shown in. */
@Embeddable
public class TaskItem {

    private String section;
    private Long itemId;

    protected TaskItem() {}

    TaskItem(String section, Long itemId) {
        this.section = section;
        this.itemId = itemId;
    }

    public String getSection() {
        return section;
    }

    public Long getItemId() {
        return itemId;
    }
}
