package bj.gouv.masm.partners;

import bj.gouv.masm.shared.AuditedEntity;
import bj.gouv.masm.shared.TextNormalizer;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import org.hibernate.annotations.BatchSize;
import java.util.Set;
import java.util.TreeSet;

@Entity
@Table(name = "partner")
public class Partner extends AuditedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String name;

    @Column(name = "normalised_name", nullable = false)
    private String normalisedName;

    private String acronym;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PartnerKind kind;

    @Column(name = "organisation_type", nullable = false)
    private String organisationType;

    @Column(name = "registration_number")
    private String registrationNumber;

    @Column(name = "head_office_department")
    private String headOfficeDepartment;

    @Column(nullable = false)
    private boolean nationwide;

    @Column(name = "contact_name")
    private String contactName;

    private String email;
    private String phone;
    private String address;

    @ElementCollection(fetch = FetchType.EAGER)
    @BatchSize(size = 100)
    @CollectionTable(name = "partner_sub_sector", joinColumns = @JoinColumn(name = "partner_id"))
    @Column(name = "code")
    private Set<String> subSectors = new TreeSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @BatchSize(size = 100)
    @CollectionTable(name = "partner_domain", joinColumns = @JoinColumn(name = "partner_id"))
    @Column(name = "code")
    private Set<String> domains = new TreeSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @BatchSize(size = 100)
    @CollectionTable(name = "partner_target_group", joinColumns = @JoinColumn(name = "partner_id"))
    @Column(name = "code")
    private Set<String> targetGroups = new TreeSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @BatchSize(size = 100)
    @CollectionTable(name = "partner_department", joinColumns = @JoinColumn(name = "partner_id"))
    @Column(name = "code")
    private Set<String> departments = new TreeSet<>();

    protected Partner() {
    }

    public Partner(String name, PartnerKind kind, String organisationType) {
        setName(name);
        this.kind = kind;
        this.organisationType = organisationType;
    }

    /** Where the partner is followed: its head office, or else its only department of intervention. */
    public String followingDepartment() {
        if (headOfficeDepartment != null) {
            return headOfficeDepartment;
        }
        return departments.size() == 1 ? departments.iterator().next() : null;
    }

    /** Active in that department ({@link ActiveInDepartment}, the one copy of the rule). */
    public boolean isActiveIn(String department) {
        return ActiveInDepartment.test(nationwide, headOfficeDepartment, departments, department);
    }

    public Long getId() { return id; }
    public String getName() { return name; }

    public void setName(String name) {
        this.name = name == null ? null : name.trim().replaceAll("\\s+", " ");
        this.normalisedName = TextNormalizer.normalise(name);
    }

    public String getNormalisedName() { return normalisedName; }
    public String getAcronym() { return acronym; }
    public void setAcronym(String acronym) { this.acronym = acronym; }
    public PartnerKind getKind() { return kind; }
    public void setKind(PartnerKind kind) { this.kind = kind; }
    public String getOrganisationType() { return organisationType; }
    public void setOrganisationType(String organisationType) { this.organisationType = organisationType; }
    public String getRegistrationNumber() { return registrationNumber; }
    public void setRegistrationNumber(String registrationNumber) { this.registrationNumber = registrationNumber; }
    public String getHeadOfficeDepartment() { return headOfficeDepartment; }
    public void setHeadOfficeDepartment(String headOfficeDepartment) { this.headOfficeDepartment = headOfficeDepartment; }
    public boolean isNationwide() { return nationwide; }
    public void setNationwide(boolean nationwide) { this.nationwide = nationwide; }
    public String getContactName() { return contactName; }
    public void setContactName(String contactName) { this.contactName = contactName; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
    public String getAddress() { return address; }
    public void setAddress(String address) { this.address = address; }
    public Set<String> getSubSectors() { return subSectors; }
    public void setSubSectors(Set<String> v) { subSectors.clear(); subSectors.addAll(v); }
    public Set<String> getDomains() { return domains; }
    public void setDomains(Set<String> v) { domains.clear(); domains.addAll(v); }
    public Set<String> getTargetGroups() { return targetGroups; }
    public void setTargetGroups(Set<String> v) { targetGroups.clear(); targetGroups.addAll(v); }
    public Set<String> getDepartments() { return departments; }
    public void setDepartments(Set<String> v) { departments.clear(); departments.addAll(v); }
}
