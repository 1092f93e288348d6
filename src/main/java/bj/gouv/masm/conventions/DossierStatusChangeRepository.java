package bj.gouv.masm.conventions;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DossierStatusChangeRepository extends JpaRepository<DossierStatusChange, Long> {

    List<DossierStatusChange> findByDossierIdOrderByIdAsc(Long dossierId);
}
