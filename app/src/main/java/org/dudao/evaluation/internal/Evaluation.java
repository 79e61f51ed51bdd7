package org.dudao.evaluation.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.function.Supplier;
import org.dudao.evaluation.EvaluationFinalized;
import org.dudao.evaluation.EvaluationState;
import org.dudao.evaluation.Phase;
import org.dudao.shared.Tracked;
import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * The evaluation file of one school in one project, an aggregate that owns its workflow: {@link #apply} takes a
 * step only when the rules of {@link Workflow} allow it, and a final result is registered as
 * {@link EvaluationFinalized}, published by Spring Data when the file is saved. Scores are set by the service from
 * the engine's result.
 */
@Tracked
@Entity
@Table(name = "evaluation")
public class Evaluation extends AbstractAggregateRoot<Evaluation> {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long projectId;
    private Long orgUnitId;
    private String unitPath;

    @Enumerated(EnumType.STRING)
    private EvaluationState state;

    private Double total;
    private String grade;
    private String vetoes;
    private String selfManual;
    private String countyManual;
    private String cityManual;
    private String provinceManual;
    private String consolidationNote;
    private LocalDate extendedTo;
    private Instant publicityUntil;
    private String certificateNo;
    private Instant certifiedAt;
    private String certificateDocNumber;
    private String certificateIssuer;

    @Version
    private int rowVersion;

    private Instant updatedAt;

    protected Evaluation() {}

    public Evaluation(Long projectId, Long orgUnitId, String unitPath, Instant now) {
        this.projectId = projectId;
        this.orgUnitId = orgUnitId;
        this.unitPath = unitPath;
        this.state = EvaluationState.SELF_DRAFT;
        this.updatedAt = now;
    }

    /**
     * Takes one step if the actor's capacities and the file's facts allow it in the current state.
     *
     * @throws TransitionRefused with the reason otherwise
     */
    EvaluationState apply(Action action, Set<Hat> hats, Workflow.Facts facts, String reason, Instant now) {
        this.state = Workflow.next(state, action, hats, facts, reason);
        this.updatedAt = now;
        return state;
    }

    /**
     * Registers the final result once the file is closed or certified. The service describes it (project, school,
     * shortfalls), after rescoring the new state.
     */
    void announceResult(Supplier<EvaluationFinalized> result) {
        if (state == EvaluationState.CLOSED || state == EvaluationState.CERTIFIED) {
            registerEvent(result.get());
        }
    }

    void scored(Double total, String grade, String vetoes, Instant now) {
        this.total = total;
        this.grade = grade;
        this.vetoes = vetoes;
        this.updatedAt = now;
    }

    void manual(Phase level, String json) {
        switch (level) {
            case SELF -> selfManual = json;
            case COUNTY -> countyManual = json;
            case CITY -> cityManual = json;
            case PROVINCE -> provinceManual = json;
            default -> throw new IllegalArgumentException(level.name());
        }
    }

    /** The manual scores that count now: the latest level that has consolidated scores. */
    public String currentManual() {
        if (provinceManual != null
                && state.phase() != Phase.SELF
                && state.phase() != Phase.COUNTY
                && state.phase() != Phase.CITY) {
            return provinceManual;
        }
        return currentManual(state, selfManual, countyManual, cityManual);
    }

    /** {@link #currentManual()} for a file read as a plain row (bulk scoring). */
    public static String currentManual(EvaluationState state, String self, String county, String city) {
        if (city != null && state.phase() != Phase.SELF && state.phase() != Phase.COUNTY) {
            return city;
        }
        if (county != null && state.phase() != Phase.SELF) {
            return county;
        }
        return self;
    }

    void note(String text) {
        this.consolidationNote = text;
    }

    void extend(LocalDate until) {
        this.extendedTo = until;
    }

    void publishUntil(Instant until) {
        this.publicityUntil = until;
    }

    /** The plaque: its certificate number, and the 文号 and 落款 of the approving body that issues it. */
    void certify(String number, String docNumber, String issuer, Instant at) {
        this.certificateNo = number;
        this.certificateDocNumber = docNumber;
        this.certificateIssuer = issuer;
        this.certifiedAt = at;
    }

    Long getId() {
        return id;
    }

    Long getProjectId() {
        return projectId;
    }

    Long getOrgUnitId() {
        return orgUnitId;
    }

    String getUnitPath() {
        return unitPath;
    }

    EvaluationState getState() {
        return state;
    }

    Double getTotal() {
        return total;
    }

    String getGrade() {
        return grade;
    }

    String getVetoes() {
        return vetoes;
    }

    String getSelfManual() {
        return selfManual;
    }

    String getCountyManual() {
        return countyManual;
    }

    String getCityManual() {
        return cityManual;
    }

    String getProvinceManual() {
        return provinceManual;
    }

    String getConsolidationNote() {
        return consolidationNote;
    }

    LocalDate getExtendedTo() {
        return extendedTo;
    }

    Instant getPublicityUntil() {
        return publicityUntil;
    }

    String getCertificateNo() {
        return certificateNo;
    }

    String getCertificateDocNumber() {
        return certificateDocNumber;
    }

    String getCertificateIssuer() {
        return certificateIssuer;
    }

    Instant getCertifiedAt() {
        return certifiedAt;
    }

    int getRowVersion() {
        return rowVersion;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }
}
