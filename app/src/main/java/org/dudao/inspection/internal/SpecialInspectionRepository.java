package org.dudao.inspection.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface SpecialInspectionRepository extends JpaRepository<SpecialInspection, Long> {

    @Query("select s from SpecialInspection s where s.countyPath like concat(?1, '%') order by s.id desc")
    List<SpecialInspection> findUnder(String pathPrefix);

    boolean existsByTitle(String title);
}
