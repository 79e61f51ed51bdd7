package org.dudao.cases.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface HouseholdVisitRepository extends JpaRepository<HouseholdVisit, Long> {

    List<HouseholdVisit> findByHouseholdIdOrderByVisitedOnDescIdDesc(Long householdId);
}
