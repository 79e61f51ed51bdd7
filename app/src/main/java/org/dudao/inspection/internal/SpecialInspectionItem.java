package org.dudao.inspection.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One line of a special inspection's checklist; {@code points} only when scored via a scheme. */
@Entity
@Table(name = "special_inspection_item")
public class SpecialInspectionItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long inspectionId;
    private int position;
    private String code;
    private String name;
    private Double points;

    protected SpecialInspectionItem() {}

    public SpecialInspectionItem(Long inspectionId, int position, String code, String name, Double points) {
        this.inspectionId = inspectionId;
        this.position = position;
        this.code = code;
        this.name = name;
        this.points = points;
    }

    public Long getInspectionId() {
        return inspectionId;
    }

    public int getPosition() {
        return position;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public Double getPoints() {
        return points;
    }
}
