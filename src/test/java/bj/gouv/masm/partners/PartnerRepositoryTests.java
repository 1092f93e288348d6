package bj.gouv.masm.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bj.gouv.masm.support.IntegrationTestBase;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The partner tables of the migrations and the entity mapping agree (Hibernate only validates). */
class PartnerRepositoryTests extends IntegrationTestBase {

    @Autowired
    PartnerRepository repository;

    @Autowired
    PartnerValidator validator;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void shouldStoreAndReadBackEveryFieldOfAPartner() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Partner partner = new Partner("  ONG   Éspoir  Rond " + suffix, PartnerKind.OSC, "NATIONAL_NGO");
        partner.setAcronym("OER");
        partner.setRegistrationNumber("RT-" + suffix);
        partner.setHeadOfficeDepartment("ZOU");
        partner.setNationwide(false);
        partner.setSubSectors(Set.of("SOCIAL_AFFAIRS", "MICROFINANCE"));
        partner.setDomains(Set.of("CHILD_PROTECTION", "MICROFINANCE"));
        partner.setTargetGroups(Set.of("CHILDREN", "ELDERLY"));
        partner.setDepartments(Set.of("ZOU", "COLLINES"));
        partner.setContactName("Contact");
        partner.setEmail("rt@test.invalid");
        partner.setPhone("+229 01");
        partner.setAddress("Abomey");
        OffsetDateTime now = OffsetDateTime.of(2026, 3, 1, 10, 0, 0, 0, ZoneOffset.UTC);
        partner.touch("tester", now);

        Long id = transaction.execute(tx -> repository.save(partner).getId());

        Partner read = repository.findById(id).orElseThrow();
        assertThat(read.getName()).isEqualTo("ONG Éspoir Rond " + suffix);
        assertThat(read.getNormalisedName()).isEqualTo("ong espoir rond " + suffix);
        assertThat(PartnerData.of(read)).isEqualTo(PartnerData.of(partner));
        assertThat(read.getCreatedAt().toInstant()).isEqualTo(now.toInstant());
        assertThat(read.getCreatedBy()).isEqualTo("tester");
        assertThat(read.getUpdatedBy()).isEqualTo("tester");
        assertThat(repository.findByNormalisedNameAndKind("ong espoir rond " + suffix, PartnerKind.OSC)).isPresent();
        assertThat(jdbc.queryForList("select code from partner_department where partner_id = ? order by code",
                String.class, id)).containsExactly("COLLINES", "ZOU");
        assertThat(read.isActiveIn("COLLINES")).isTrue();
        assertThat(read.isActiveIn("BORGOU")).isFalse();
    }

    @Test
    void shouldRefuseUnknownCodesAndDuplicatesInTheDatabaseItself() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Partner unknownCode = new Partner("ONG Code " + suffix, PartnerKind.OSC, "NATIONAL_NGO");
        unknownCode.setDomains(Set.of("NOT_A_DOMAIN"));
        unknownCode.touch("tester", OffsetDateTime.now());
        assertThatThrownBy(() -> transaction.execute(tx -> repository.saveAndFlush(unknownCode)))
                .isInstanceOf(DataIntegrityViolationException.class);

        Partner first = new Partner("ONG Unique " + suffix, PartnerKind.OSC, "NATIONAL_NGO");
        first.touch("tester", OffsetDateTime.now());
        transaction.execute(tx -> repository.save(first));
        Partner second = new Partner("ong unique " + suffix, PartnerKind.OSC, "NATIONAL_NGO");
        second.touch("tester", OffsetDateTime.now());
        assertThatThrownBy(() -> transaction.execute(tx -> repository.saveAndFlush(second)))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(jdbc.queryForObject("select count(*) from partner where name like ?", Integer.class,
                "ONG Code " + suffix)).isZero();
    }

    @Autowired
    bj.gouv.masm.shared.AuditTrail auditTrail;

    @Autowired
    java.time.Clock clock;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactionManager;

    @Test
    void shouldLoadTheDemoPartnersWithEveryCollectionInBatches() {
        DemoPartnerLoader loader = new DemoPartnerLoader(repository, validator, auditTrail, clock, transactionManager, jdbc);
        List<PartnerRequest> demo = new DemoPartnerGenerator().generate();
        long before = repository.count();
        // inside a transaction rolled back at the end: the shared test database keeps no demo data
        transaction.executeWithoutResult(tx -> {
            assertThat(loader.load(demo)).isEqualTo(demo.size());
            assertThat(repository.count()).isEqualTo(before + demo.size());
            for (PartnerRequest request : List.of(demo.get(0), demo.get(4), demo.get(10), demo.get(demo.size() - 1))) {
                Partner stored = repository.findByNormalisedNameAndKind(
                        bj.gouv.masm.shared.TextNormalizer.normalise(request.name()),
                        PartnerKind.valueOf(request.kind())).orElseThrow();
                assertThat(PartnerData.of(stored)).isEqualTo(validator.validate(request));
                assertThat(stored.getCreatedBy()).isEqualTo("system");
            }
            tx.setRollbackOnly();
        });
        assertThat(repository.count()).isEqualTo(before);
    }

    @Test
    void shouldAcceptEveryGeneratedDemoPartnerThroughTheRegistryValidation() {
        List<PartnerRequest> demo = new DemoPartnerGenerator().generate();
        for (PartnerRequest request : demo) {
            PartnerValidator.Result result = validator.check(request);
            assertThat(result.errors()).as(request.name()).isEmpty();
        }
    }
}
