package org.dudao.evaluation.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A drawn expert in a group: INVITED until they (or the office for them) confirm or decline. */
@Entity
@Table(name = "group_expert")
public class GroupExpert {

    static final String INVITED = "INVITED";
    static final String CONFIRMED = "CONFIRMED";
    static final String DECLINED = "DECLINED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long groupId;
    private Long expertId;
    private Long drawId;
    private String status;
    private String answeredBy;
    private Instant answeredAt;

    protected GroupExpert() {}

    GroupExpert(Long groupId, Long expertId, Long drawId) {
        this.groupId = groupId;
        this.expertId = expertId;
        this.drawId = drawId;
        this.status = INVITED;
    }

    void answer(boolean confirm, String by, Instant now) {
        this.status = confirm ? CONFIRMED : DECLINED;
        this.answeredBy = by;
        this.answeredAt = now;
    }

    Long getExpertId() {
        return expertId;
    }

    Long getDrawId() {
        return drawId;
    }

    String getStatus() {
        return status;
    }

    Instant getAnsweredAt() {
        return answeredAt;
    }
}
