package bj.gouv.masm.conventions;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DossierRepository extends JpaRepository<Dossier, Long> {

    Optional<Dossier> findByReference(String reference);

    List<Dossier> findByRenewalOf(String conventionNumber);
}
