package org.dudao.rectification.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One level of the escalation ladder reached by an overdue item: when, and how many days past its deadline. */
@Entity
@Table(name = "rectification_escalation")
public class Escalation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long itemId;

    @Enumerated(EnumType.STRING)
    @Column(name = "escalation_level")
    private EscalationLevel level;

    private int daysOverdue;
    private Instant at;

    protected Escalation() {}

    Escalation(Long itemId, EscalationLevel level, int daysOverdue, Instant at) {
        this.itemId = itemId;
        this.level = level;
        this.daysOverdue = daysOverdue;
        this.at = at;
    }

    public Long getId() {
        return id;
    }

    public Long getItemId() {
        return itemId;
    }

    public EscalationLevel getLevel() {
        return level;
    }

    public int getDaysOverdue() {
        return daysOverdue;
    }

    public Instant getAt() {
        return at;
    }
}
