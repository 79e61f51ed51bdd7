package org.dudao.data.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.dudao.data.DataItem;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DataItemRepository extends JpaRepository<DataItem, Long> {

    Optional<DataItem> findByCode(String code);

    List<DataItem> findByCodeIn(Collection<String> codes);

    List<DataItem> findAllByOrderByCodeAsc();

    boolean existsByCode(String code);

    List<DataItem> findByFormulaIsNotNull();
}
