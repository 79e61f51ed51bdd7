package org.dudao.data.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DataValueRepository extends JpaRepository<DataValue, Long> {

    Optional<DataValue> findByOrgUnitIdAndItemIdAndPeriod(Long orgUnitId, Long itemId, String period);

    List<DataValue> findByOrgUnitIdAndItemIdIn(Long orgUnitId, Collection<Long> itemIds);

    List<DataValue> findByOrgUnitIdInAndItemIdInAndPeriod(
            Collection<Long> orgUnitIds, Collection<Long> itemIds, String period);

    boolean existsByOrgUnitId(Long orgUnitId);
}
