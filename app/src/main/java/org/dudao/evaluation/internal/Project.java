package org.dudao.evaluation.internal;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
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
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.dudao.evaluation.EvaluationState;
import org.dudao.org.OrgKind;
import org.dudao.shared.Tracked;

/** 评估项目: one year's acceptance of a county (or city), with its scheme version, deadline and quota plan. */
@Tracked
@Entity
@Table(name = "eval_project")
public class Project {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String code;
    private String name;

    @Column(name = "eval_year")
    private int year;

    private Long orgUnitId;
    private String ownerPath;
    private String schemeCode;
    private Long schemeVersionId;
    private LocalDate deadline;
    private LocalDate countyDeadline;
    private LocalDate cityDeadline;
    private int publicityDays;
    private int quotaPrimary;
    private int quotaSecondary;
    private Long collectionTaskId;
    /** The 公示 as an official notice: 文号, 落款 and date, set when the first school enters 公示. */
    private String publicityNumber;

    private String publicityIssuer;
    private Instant publicityIssuedAt;

    /** The template the chain came from (null: standardization, as before chains existed). */
    private String template;

    /** The unit kinds evaluated, comma separated (null: the standardization candidates). */
    private String unitKinds;

    @ElementCollection
    @CollectionTable(name = "eval_chain_level", joinColumns = @JoinColumn(name = "project_id"))
    @OrderColumn(name = "position")
    private List<ChainStep> chain = new ArrayList<>();

    @Version
    private int rowVersion;

    private String createdBy;
    private Instant createdAt;

    protected Project() {}

    public Project(
            String code,
            String name,
            int year,
            Long orgUnitId,
            String ownerPath,
            String schemeCode,
            Long schemeVersionId,
            LocalDate deadline,
            LocalDate countyDeadline,
            LocalDate cityDeadline,
            int publicityDays,
            int quotaPrimary,
            int quotaSecondary,
            String createdBy,
            Instant now) {
        this.code = code;
        this.name = name;
        this.year = year;
        this.orgUnitId = orgUnitId;
        this.ownerPath = ownerPath;
        this.schemeCode = schemeCode;
        this.schemeVersionId = schemeVersionId;
        this.deadline = deadline;
        this.countyDeadline = countyDeadline;
        this.cityDeadline = cityDeadline;
        this.publicityDays = publicityDays;
        this.quotaPrimary = quotaPrimary;
        this.quotaSecondary = quotaSecondary;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    /** Sets the template, unit kinds and chain of a new project. */
    public void review(String template, Set<OrgKind> kinds, ReviewChain chain) {
        this.template = template;
        this.unitKinds = kinds.stream().map(OrgKind::name).sorted().collect(Collectors.joining(","));
        this.chain.clear();
        chain.levels().forEach(l -> this.chain.add(new ChainStep(l)));
    }

    /** The review chain: the stored levels, or the standardization chain for a project without any. */
    public ReviewChain reviewChain() {
        if (chain.isEmpty()) {
            return ReviewChain.standardization(publicityDays);
        }
        return new ReviewChain(
                chain.stream().map(ChainStep::level).toList(),
                ChainTemplate.STANDARDIZATION.name().equals(template));
    }

    /** The unit kinds evaluated (the standardization candidates when none were named). */
    public Set<OrgKind> unitKinds() {
        if (unitKinds == null || unitKinds.isBlank()) {
            return ChainTemplate.STANDARDIZATION.unitKinds();
        }
        Set<OrgKind> kinds = EnumSet.noneOf(OrgKind.class);
        Arrays.stream(unitKinds.split(",")).map(OrgKind::valueOf).forEach(kinds::add);
        return kinds;
    }

    /** The template's code; STANDARDIZATION for projects from before chains. */
    public String template() {
        return template == null ? ChainTemplate.STANDARDIZATION.name() : template;
    }

    void collectedBy(Long taskId) {
        this.collectionTaskId = taskId;
    }

    void plan(int primary, int secondary) {
        this.quotaPrimary = primary;
        this.quotaSecondary = secondary;
    }

    /** A file is overdue when it is still at 县级初评 after the 初评 deadline, or at 市级复核 after the 复核 one. */
    boolean overdue(EvaluationState state, LocalDate today) {
        LocalDate due = switch (state.phase()) {
            case COUNTY -> countyDeadline;
            case CITY -> cityDeadline;
            default -> null;
        };
        return due != null && today.isAfter(due);
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public int getYear() {
        return year;
    }

    Long getOrgUnitId() {
        return orgUnitId;
    }

    public String getOwnerPath() {
        return ownerPath;
    }

    String getSchemeCode() {
        return schemeCode;
    }

    int getRowVersion() {
        return rowVersion;
    }

    Long getSchemeVersionId() {
        return schemeVersionId;
    }

    LocalDate getDeadline() {
        return deadline;
    }

    LocalDate getCountyDeadline() {
        return countyDeadline;
    }

    LocalDate getCityDeadline() {
        return cityDeadline;
    }

    int getPublicityDays() {
        return publicityDays;
    }

    public int getQuotaPrimary() {
        return quotaPrimary;
    }

    public int getQuotaSecondary() {
        return quotaSecondary;
    }

    /** Numbers the project's 公示 once, when its first school enters it. */
    void publicityIssued(String number, String issuer, Instant at) {
        if (publicityNumber == null) {
            publicityNumber = number;
            publicityIssuer = issuer;
            publicityIssuedAt = at;
        }
    }

    String getPublicityNumber() {
        return publicityNumber;
    }

    String getPublicityIssuer() {
        return publicityIssuer;
    }

    Instant getPublicityIssuedAt() {
        return publicityIssuedAt;
    }

    Long getCollectionTaskId() {
        return collectionTaskId;
    }

    String getCreatedBy() {
        return createdBy;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    public String period() {
        return String.valueOf(year);
    }
}
