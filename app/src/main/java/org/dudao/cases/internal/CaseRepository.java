package org.dudao.cases.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface CaseRepository extends JpaRepository<Case, Long> {

    @Query("select c from Case c where c.unitPath like concat(:prefix, '%') order by c.id desc")
    List<Case> findUnder(@Param("prefix") String prefix);

    List<Case> findTop20ByReporterPhoneOrderByIdDesc(String phone);

    java.util.Optional<Case> findByTrackingCode(String trackingCode);
}
