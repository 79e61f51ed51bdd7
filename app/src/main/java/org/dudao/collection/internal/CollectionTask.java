package org.dudao.collection.internal;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A collection task (填报任务): a form sent to the units of a subtree for one period, with a deadline. */
@Entity
@Table(name = "collection_task")
public class CollectionTask {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;
    private String period;
    private Long rootUnitId;
    private String unitKinds;
    private LocalDate deadline;
    private String description;
    private String createdBy;
    private Instant createdAt;

    @Version
    private int version;

    @ElementCollection
    @CollectionTable(name = "collection_task_item", joinColumns = @JoinColumn(name = "task_id"))
    @OrderColumn(name = "position")
    private List<TaskItem> items = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "collection_task_rule", joinColumns = @JoinColumn(name = "task_id"))
    @OrderColumn(name = "position")
    private List<TaskRule> rules = new ArrayList<>();

    protected CollectionTask() {}

    CollectionTask(
            String name,
            String period,
            Long rootUnitId,
            String unitKinds,
            LocalDate deadline,
            String description,
            String createdBy,
            Instant createdAt,
            List<TaskItem> items,
            List<TaskRule> rules) {
        this.name = name;
        this.period = period;
        this.rootUnitId = rootUnitId;
        this.unitKinds = unitKinds;
        this.deadline = deadline;
        this.description = description;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.items.addAll(items);
        this.rules.addAll(rules);
    }

    public boolean overdue(LocalDate today) {
        return today.isAfter(deadline);
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getPeriod() {
        return period;
    }

    public Long getRootUnitId() {
        return rootUnitId;
    }

    public String getUnitKinds() {
        return unitKinds;
    }

    public LocalDate getDeadline() {
        return deadline;
    }

    public String getDescription() {
        return description;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public int getVersion() {
        return version;
    }

    public List<TaskItem> getItems() {
        return items;
    }

    public List<TaskRule> getRules() {
        return rules;
    }
}
