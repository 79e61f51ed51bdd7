package org.dudao.cases.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface HouseholdRepository extends JpaRepository<Household, Long> {

    List<Household> findByCadreOrderByNameAscIdAsc(String cadre);

    @Query("select h from Household h where h.unitPath like concat(:prefix, '%') order by h.cadre, h.name, h.id")
    List<Household> findUnder(@Param("prefix") String prefix);
}
