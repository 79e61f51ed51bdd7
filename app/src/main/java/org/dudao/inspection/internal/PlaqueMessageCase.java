package org.dudao.inspection.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The case a plaque message became (opened by the cases feature on {@code PlaqueMessageReceived}). */
@Entity
@Table(name = "plaque_message_case")
public class PlaqueMessageCase {

    @Id
    private Long messageId;

    private Long caseId;

    protected PlaqueMessageCase() {}

    public PlaqueMessageCase(Long messageId, Long caseId) {
        this.messageId = messageId;
        this.caseId = caseId;
    }

    public Long getMessageId() {
        return messageId;
    }

    public Long getCaseId() {
        return caseId;
    }
}
