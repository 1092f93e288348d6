package bj.gouv.masm.partners;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface PartnerRepository extends JpaRepository<Partner, Long>, JpaSpecificationExecutor<Partner> {

    Optional<Partner> findByRegistrationNumber(String registrationNumber);

    Optional<Partner> findByNormalisedNameAndKind(String normalisedName, PartnerKind kind);

    List<Partner> findByNormalisedName(String normalisedName);

    List<Partner> findByAcronymIgnoreCase(String acronym);

    /** Name, acronym and kind only: one query instead of the partner and its four collections. */
    Optional<PartnerHeading> findHeadingById(Long id);
}
